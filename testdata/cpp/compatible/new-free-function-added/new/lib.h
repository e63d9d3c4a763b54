#pragma once

namespace demo {

// Opens the cache directory; returns false if it cannot be created.
bool open_cache(const char* directory);

void close_cache();

// Removes every entry older than max_age_seconds.
void prune_cache(long max_age_seconds);

}  // namespace demo
