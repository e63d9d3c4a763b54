#pragma once

namespace demo {

// Hands out a buffer of at least size bytes from the shared pool.
char* acquire_buffer(int size);

// Gives a buffer back to the pool.
void release_buffer(char* buffer);

}  // namespace demo
