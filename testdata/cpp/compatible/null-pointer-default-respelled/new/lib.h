#include <cstddef>
void f(int* p = nullptr);
void g(int* p = nullptr);
