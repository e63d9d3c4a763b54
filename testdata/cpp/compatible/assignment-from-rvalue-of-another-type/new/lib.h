struct S { int a; S& operator=(int&&); };
