#pragma once

#define DEMO_NAME_MAX 64
#define DEMO_FLAG_QUIET 4

namespace demo {

// Largest batch accepted by submit().
constexpr int kMaxItems = 100;

// Queues up to kMaxItems names of at most DEMO_NAME_MAX bytes each.
bool submit(const char* const* names, int count);

}  // namespace demo
