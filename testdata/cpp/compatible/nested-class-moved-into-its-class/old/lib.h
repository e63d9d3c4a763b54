namespace a { struct S { struct In; }; }
struct a::S::In { int x; };
