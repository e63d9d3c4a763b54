namespace lib { inline namespace v1 { inline int f() { return 1; } template <class T> T g(T t) { return t; } struct P { int x; int get() const { return x; } }; } }
