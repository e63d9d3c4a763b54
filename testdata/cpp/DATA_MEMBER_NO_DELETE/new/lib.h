#pragma once

namespace demo {

// How long a request may take before it is abandoned.
struct Timeout {
  long seconds;
  long milliseconds;
};

void set_default_timeout(const Timeout& timeout);

}  // namespace demo
