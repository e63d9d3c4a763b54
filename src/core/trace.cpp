#include "core/trace.hpp"

#include <cstdio>
#include <cstdlib>

namespace breakwater::detail {
namespace {

long resident_mib() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * 4096 / (1 << 20);
}

}  // namespace

Trace::Trace(std::string subject)
    : on_(std::getenv("BREAKWATER_TRACE") != nullptr),
      subject_(std::move(subject)),
      last_(std::chrono::steady_clock::now()) {}

void Trace::lap(const char* phase) {
  if (!on_) return;
  const auto now = std::chrono::steady_clock::now();
  std::fprintf(stderr, "trace: %s: %s %.3f s, RSS %ld MiB\n", subject_.c_str(), phase,
               std::chrono::duration<double>(now - last_).count(), resident_mib());
  last_ = now;
}

}  // namespace breakwater::detail
