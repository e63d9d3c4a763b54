struct S { virtual ~S() noexcept; virtual void f(); };
