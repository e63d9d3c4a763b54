// Phase timing for performance work: with BREAKWATER_TRACE set, each lap prints the seconds
// since the previous lap and the resident set size to stderr. Costs nothing otherwise.
#pragma once

#include <chrono>
#include <string>

namespace breakwater::detail {

class Trace {
 public:
  explicit Trace(std::string subject);
  void lap(const char* phase);

 private:
  bool on_;
  std::string subject_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace breakwater::detail
