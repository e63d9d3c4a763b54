struct B { B(const B&); B(); int x; };
using BB = B;
struct D : BB { int y; };
