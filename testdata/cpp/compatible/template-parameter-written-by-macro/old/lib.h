#pragma once
#include <type_traits>

// A template parameter a macro writes: its extent starts in this definition.
#define DEMO_ENABLE_IF(...) typename std::enable_if<(__VA_ARGS__), int>::type = 0

namespace demo {

#if defined(DEMO_LEGACY)
int legacy();
#endif

template <typename T, DEMO_ENABLE_IF(std::is_integral<T>::value)>
T twice(T value);

template <typename T, DEMO_ENABLE_IF(std::is_integral<T>::value)>
class Counter {
 public:
  void add(T n);
};

}  // namespace demo
