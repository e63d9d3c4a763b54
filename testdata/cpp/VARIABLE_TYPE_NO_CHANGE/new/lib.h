#pragma once
#include <string_view>

namespace demo {

// Upper bound on open connections, read by every new pool; 0 means unlimited. Widened: every
// read and write still compiles and means the same, but old binaries read 4 bytes of 8 (ABI).
extern long max_connections;

// The host serve() binds to unless told otherwise.
extern std::string_view default_host;

// Starts the server on port; returns false if it cannot bind.
bool serve(int port);

}  // namespace demo
