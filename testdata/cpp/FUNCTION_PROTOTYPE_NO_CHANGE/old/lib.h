#pragma once

namespace demo {

class RateLimiter {
public:
  RateLimiter();
  bool try_acquire();

private:
  int tokens_;
};

// Caps the number of requests per second for every limiter.
// Names a region by its code.
void select_region(const char* code);
void set_rate_limit(int requests_per_second);

}  // namespace demo
