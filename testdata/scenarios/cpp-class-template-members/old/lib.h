#pragma once
#include <cstddef>

namespace demo {

template <typename T>
class Ring {
 public:
  explicit Ring(std::size_t capacity);
  void push(const T& value);
  T pop();
  std::size_t size() const;
  bool empty() const;
  void clear();
  void reserve(int n);
  void resize(long n);
  template <typename F>
  void for_each(F f) const;
  int capacity;

 private:
  T* data_;
};

template <typename T>
T max_of(T a, T b);
template <typename T>
T max_of(T a, T b, T c);
template <typename T>
void print(const T& value, int width);
template <typename T>
void log(T value);

}  // namespace demo
