void f(int);
void f(double, int = 0);
