struct Opts { int a; };
void f(const Opts& o = Opts());
void g(unsigned x = -1);
