#pragma once

namespace demo {

// Statistics a connection pool fills in for its caller.
struct PoolStats {
  int active;
  int idle;
  int waiting;
};

void get_pool_stats(PoolStats* out);

}  // namespace demo
