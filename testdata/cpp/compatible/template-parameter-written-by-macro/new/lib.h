#pragma once
#include <type_traits>

// A template parameter a macro writes: its extent starts in this definition.
#define DEMO_ENABLE_IF(...) typename std::enable_if<(__VA_ARGS__), int>::type = 0

namespace demo {

// Text between the macro and its uses changed: a new declaration, another #if block.
int added_in_new();
#ifdef DEMO_EXPERIMENTAL
int experimental();
#endif

template <typename T, DEMO_ENABLE_IF(std::is_integral<T>::value)>
T twice(T value);

template <typename T, DEMO_ENABLE_IF(std::is_integral<T>::value)>
class Counter {
 public:
  void add(T n);
};

}  // namespace demo
