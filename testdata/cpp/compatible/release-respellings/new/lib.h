#ifndef DEMO_LIB_H
#define DEMO_LIB_H
#include <stddef.h>
#include <stdexcept>
#define DEMO_WINDOW_MASK ((sizeof(size_t) == 8) ? 0xFFFFFFFF00000000ULL : 0xFFFF0000U)
namespace demo {
int compress(int* dst, int level);
// Constructors inherited from the standard library's class, copies implicit.
class demo_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
// A template taking every argument the function took.
template <class T>
inline int stamp(T t) { return static_cast<int>(t); }
}  // namespace demo
#endif
