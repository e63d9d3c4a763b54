struct B { B(const B&); B(); int x; };
struct D : B { int y; };
