#pragma once

#include <cstddef>
#include <functional>

namespace breakwater::detail {

// Runs fn(i) for i in [0, count) on up to `jobs` threads (0 = hardware concurrency). Work is
// handed out by an atomic counter; callers write results into per-index slots so the outcome
// never depends on scheduling. The exception of the lowest failing index is rethrown.
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& fn);

}  // namespace breakwater::detail
