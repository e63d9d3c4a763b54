#pragma once

namespace demo {

enum class Priority : unsigned char { Low, Normal, High };

// Runs the task at the given priority.
void schedule(void (*task)(), Priority priority);

}  // namespace demo
