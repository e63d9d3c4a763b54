#pragma once

namespace demo {

enum class Priority : int { Low, Normal, High };

// Runs the task at the given priority.
void schedule(void (*task)(), Priority priority);

}  // namespace demo
