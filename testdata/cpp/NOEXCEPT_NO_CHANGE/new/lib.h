#pragma once

namespace demo {

// Hands out a buffer of at least size bytes from the shared pool.
char* acquire_buffer(int size);

// Gives a buffer back to the pool.
void release_buffer(char* buffer);

// Receives pool events; applications derive from it.
class PoolObserver {
 public:
  virtual ~PoolObserver();
  virtual void on_exhausted(int requested) noexcept;
};

}  // namespace demo
