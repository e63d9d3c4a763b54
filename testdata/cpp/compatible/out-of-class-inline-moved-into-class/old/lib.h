struct S { int get() const; int x; };
inline int S::get() const { return x; }
