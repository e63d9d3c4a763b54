#pragma once

namespace demo {

// A queue of at most N items that drops the oldest one when full.
template <typename T, unsigned N>
class Ring {
public:
  void push(const T& value) {
    items_[(head_ + count_) % N] = value;
    if (count_ < N) {
      ++count_;
    } else {
      head_ = (head_ + 1) % N;
    }
  }
  unsigned size() const { return count_; }

private:
  T items_[N];
  unsigned head_ = 0;
  unsigned count_ = 0;
};

}  // namespace demo
