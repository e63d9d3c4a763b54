#pragma once

namespace demo {

// Time a request may take before it is abandoned; 0 waits forever.
void set_timeout(int milliseconds);

}  // namespace demo
