void f(int);
void f(double, int = 0);
void f(long);
