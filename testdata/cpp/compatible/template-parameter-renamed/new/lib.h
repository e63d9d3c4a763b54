#include <memory>
template <class Elem, class A = std::allocator<Elem>> class Vec { Elem* p; };
