#pragma once

namespace demo {

// Error of the last failed call on this thread, 0 if none.
int last_error();

const char* describe_error(int code);

}  // namespace demo
