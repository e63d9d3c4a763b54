#pragma once

namespace demo {

// Status codes returned by every call of the library.
using ErrorCode = int;

// Error of the last failed call on this thread, 0 if none.
int last_error();

const char* describe_error(int code);

}  // namespace demo
