#pragma once

namespace demo {

// Opens the cache directory; returns false if it cannot be created.
bool open_cache(const char* directory);

void close_cache();

}  // namespace demo
