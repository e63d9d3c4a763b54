#pragma once
namespace demo {
// Derived's inline members moved into the base: `Derived d(1); d.twice();` still compiles,
// and inline code left old binaries nothing to import.
class Base {
 public:
  explicit Base(int n) : n_(n) {}
  int get() const { return n_; }
  int twice() const { return get() * 2; }
 private:
  int n_;
};
class Derived : public Base {
 public:
  using Base::Base;
};
}  // namespace demo
