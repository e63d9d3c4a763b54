#pragma once

#include <cstddef>

namespace demo {

// Time a request may take before it is abandoned; 0 waits forever.
void set_timeout(int milliseconds);
// The same, for timeouts longer than 24 days.
void set_timeout(long long milliseconds);

// A name, from a C string (nullptr: no name).
class Label {
 public:
  Label(const char* text);
  // Added: an exact match for nullptr, deleted.
  Label(std::nullptr_t) = delete;
};

}  // namespace demo
