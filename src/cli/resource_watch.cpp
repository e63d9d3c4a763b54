#include "cli/resource_watch.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace breakwater::cli {

namespace {

std::uintmax_t statm_resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::uintmax_t size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;  // no procfs: the memory bound is not enforced
  return resident * static_cast<std::uintmax_t>(sysconf(_SC_PAGESIZE));
}

[[noreturn]] void end_run(const std::string& message) {
  const std::string line = "breakwater: error: " + message + "\n";
  // write(2) and _exit: the other threads may hold any lock (the allocator's, a stream's), and
  // destructors or atexit handlers could wait on them forever.
  [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, line.data(), line.size());
  ::_exit(2);
}

}  // namespace

ResourceProbe process_probe() {
  return {statm_resident_bytes, [] { return std::chrono::steady_clock::now(); }, end_run};
}

std::string over_limit(const ResourceLimits& limits, std::chrono::steady_clock::duration elapsed,
                       std::uintmax_t resident) {
  if (limits.seconds != 0 && elapsed >= std::chrono::seconds(limits.seconds)) {
    return "time limit exceeded: the run took over " + std::to_string(limits.seconds) +
           " s; stopped (an input may be built to exhaust the run; raise the limit with "
           "--time-limit SECONDS, 0 = none)";
  }
  if (limits.memory_mib != 0 && resident > (limits.memory_mib << 20)) {
    return "memory limit exceeded: the run grew past " + std::to_string(limits.memory_mib) +
           " MiB; stopped (an input may be built to exhaust the run; raise the limit with "
           "--memory-limit MIB, 0 = none)";
  }
  return {};
}

ResourceWatch::ResourceWatch(ResourceLimits limits, ResourceProbe probe,
                             std::chrono::milliseconds period)
    : limits_(limits), probe_(std::move(probe)), period_(period), start_(probe_.now()) {
  if (limits_.seconds == 0 && limits_.memory_mib == 0) return;
  // One sample before the thread starts, so that a bound already passed (a memory limit below
  // the process's size) is reported whatever the scheduling.
  if (!sample()) return;
  thread_ = std::thread([this] { watch(); });
}

ResourceWatch::~ResourceWatch() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool ResourceWatch::sample() {
  const std::string message = over_limit(limits_, probe_.now() - start_,
                                         limits_.memory_mib != 0 ? probe_.resident_bytes() : 0);
  if (message.empty()) return true;
  probe_.exceeded(message);
  return false;
}

void ResourceWatch::watch() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, period_, [this] { return stop_; })) {
    if (!sample()) return;
  }
}

}  // namespace breakwater::cli
