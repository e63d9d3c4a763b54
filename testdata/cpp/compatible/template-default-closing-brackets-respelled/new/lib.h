#include <memory>
template <class T, class A = std::allocator<T>> class Vec { T* p; };
