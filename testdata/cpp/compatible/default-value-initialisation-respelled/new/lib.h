struct Opts { int a; };
void f(const Opts& o = {});
void g(unsigned x = 4294967295u);
