#pragma once

#include <cstddef>

namespace demo {

// Time a request may take before it is abandoned; 0 waits forever.
void set_timeout(int milliseconds);

// A name, from a C string (nullptr: no name).
class Label {
 public:
  Label(const char* text);
};

}  // namespace demo
