#ifndef DEMO_LIB_H_001
#define DEMO_LIB_H_001
#include <stddef.h>
#include <stdexcept>
// Seen in real releases (zstd, fmt): each respelling below changes nothing clients see.
#define DEMO_WINDOW_MASK ((sizeof(size_t) == 8) ? 0xFFFFFFFF00000000LLU : 0xFFFF0000U)
namespace demo {
// Top-level const on parameters is no part of the function's type.
int compress(int* const dst, const int level);
class demo_error : public std::runtime_error {
 public:
  explicit demo_error(const char* what) : std::runtime_error(what) {}
  demo_error(const demo_error&) = default;
};
inline int stamp(long t) { return static_cast<int>(t); }
}  // namespace demo
#endif
