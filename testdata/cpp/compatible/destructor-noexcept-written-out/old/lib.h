struct S { virtual ~S(); virtual void f(); };
