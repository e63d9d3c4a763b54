#include <cstddef>
void f(int* p = NULL);
void g(int* p = 0);
