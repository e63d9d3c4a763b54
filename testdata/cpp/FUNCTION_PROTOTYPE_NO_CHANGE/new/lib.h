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
void set_rate_limit(long requests_per_second);

}  // namespace demo
