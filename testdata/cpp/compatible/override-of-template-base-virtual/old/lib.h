template <class T> struct Base { virtual ~Base(); virtual void f(); virtual void g(); T t; };
struct D : Base<int> { void f() override; };
