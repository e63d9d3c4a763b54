#pragma once

namespace demo {

// Opens a connection to host, giving up after timeout_ms milliseconds.
bool connect(const char* host, int timeout_ms = 30000);

// Reads at most max_bytes from the connection into buffer.
int receive(char* buffer, int max_bytes = 4096);

}  // namespace demo
