#pragma once
#include <cstddef>

namespace demo {

template <typename Element>
class Ring {
 public:
  explicit Ring(std::size_t capacity);
  void push(const Element& value);
  Element pop();
  std::size_t size() const;
  // empty() removed: calls no longer compile (API).
  // Made const: every call still compiles; nothing is imported from the library (no finding).
  void clear() const;
  // Widened: calls compile and mean the same (no finding).
  void reserve(long n);
  // Narrowed: calls compile but large sizes are cut (API).
  void resize(int n);
  template <typename F>
  void for_each(F f) const;
  // capacity removed (API).

 private:
  const Element* data_;  // private, no layout of its own here: no finding
};

template <typename T>
T max_of(T a, T b);
// The three-argument overload removed (API).
template <typename T>
void print(const T& value, const char* format);  // was (const T&, int): API
template <typename T>
void log(const T& value);  // was by value: every call still compiles (no finding)

}  // namespace demo
