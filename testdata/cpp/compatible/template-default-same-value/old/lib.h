template <int N = 4> struct B { char b[N]; };
