#include "lib.h"

// Passes the library's default host to a C API that takes a C string.
const char* host_for_resolver() { return demo::default_host; }

int connection_limit() { return demo::max_connections; }
