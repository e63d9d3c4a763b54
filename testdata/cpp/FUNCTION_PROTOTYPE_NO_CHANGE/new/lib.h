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
// Now takes a numeric code: calls passing a string no longer compile.
void select_region(int code);
void set_rate_limit(long requests_per_second);

}  // namespace demo
