// Time and memory bounds for one command-line run. Pull requests are untrusted, and an input
// may drive a library (libclang, libpg_query, SQLite, libprotobuf) into work or memory no
// per-format limit foresaw; the run must still end, with exit 2 and a message, before it takes
// the CI runner down. A watcher thread samples the clock and the resident set; past either
// bound it writes one line to stderr and ends the process with status 2. The bounds are flags
// only (--time-limit, --memory-limit): breakwater.yaml comes with the pull request.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace breakwater::cli {

inline constexpr unsigned kDefaultTimeLimitSeconds = 600;
inline constexpr std::uintmax_t kDefaultMemoryLimitMiB = 4096;

struct ResourceLimits {
  unsigned seconds = kDefaultTimeLimitSeconds;      // 0 = unbounded
  std::uintmax_t memory_mib = kDefaultMemoryLimitMiB;  // 0 = unbounded
};

// What the watcher samples and does, replaceable in tests.
struct ResourceProbe {
  std::function<std::uintmax_t()> resident_bytes;  // the process's resident set
  std::function<std::chrono::steady_clock::time_point()> now;
  std::function<void(const std::string& message)> exceeded;  // does not return in the CLI
};

// The probe of this process: /proc/self/statm, the steady clock, and stderr + _exit(2).
ResourceProbe process_probe();

// The message for a bound passed after `elapsed` at `resident` bytes ("" = within bounds).
std::string over_limit(const ResourceLimits& limits, std::chrono::steady_clock::duration elapsed,
                       std::uintmax_t resident);

// Watches from construction to destruction, sampling every `period`.
class ResourceWatch {
 public:
  ResourceWatch(ResourceLimits limits, ResourceProbe probe,
                std::chrono::milliseconds period = std::chrono::milliseconds(50));
  ~ResourceWatch();
  ResourceWatch(const ResourceWatch&) = delete;
  ResourceWatch& operator=(const ResourceWatch&) = delete;

 private:
  void watch();
  bool sample();  // false once a bound is passed (and reported)

  ResourceLimits limits_;
  ResourceProbe probe_;
  std::chrono::milliseconds period_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace breakwater::cli
