#include "core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace breakwater::detail {

void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& fn) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  if (jobs == 0) jobs = cores;
  jobs = std::min(jobs, 4 * cores);  // more threads than that only add contention
  if (jobs > count) jobs = static_cast<unsigned>(count);
  // One slot per index, so the error reported is the one of the lowest index, whatever the
  // scheduling (bad input must give the same message with 1 or N threads).
  std::vector<std::exception_ptr> errors(count);
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        fn(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) {
    try {
      threads.emplace_back(worker);
    } catch (const std::system_error&) {
      break;  // the threads we have (and this one) will do the rest
    }
  }
  worker();
  for (auto& t : threads) t.join();
  for (auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace breakwater::detail
