template <int N = 2 * 2> struct B { char b[N]; };
