#pragma once
namespace demo {
class Base {
 public:
  explicit Base(int n) : n_(n) {}
  int get() const { return n_; }
 private:
  int n_;
};
class Derived : public Base {
 public:
  explicit Derived(int n) : Base(n) {}
  int twice() const { return get() * 2; }
};
}  // namespace demo
