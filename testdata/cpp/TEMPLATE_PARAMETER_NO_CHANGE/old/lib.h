#pragma once

namespace demo {

// A queue of at most 64 items that drops the oldest one when full.
template <typename T>
class Ring {
public:
  void push(const T& value) {
    items_[(head_ + count_) % 64] = value;
    if (count_ < 64) {
      ++count_;
    } else {
      head_ = (head_ + 1) % 64;
    }
  }
  unsigned size() const { return count_; }

private:
  T items_[64];
  unsigned head_ = 0;
  unsigned count_ = 0;
};

}  // namespace demo
