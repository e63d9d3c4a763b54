struct S { int get() const { return x; } int x; };
