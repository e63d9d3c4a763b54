#pragma once

namespace demo {

// Time a request may take before it is abandoned; 0 waits forever.
void set_timeout(int milliseconds);
// The same, for timeouts longer than 24 days.
void set_timeout(long long milliseconds);

}  // namespace demo
