#pragma once

namespace demo {

// Upper bound on open connections, read by every new pool; 0 means unlimited.
extern int max_connections;

// The host serve() binds to unless told otherwise.
extern const char* default_host;

// Starts the server on port; returns false if it cannot bind.
bool serve(int port);

}  // namespace demo
