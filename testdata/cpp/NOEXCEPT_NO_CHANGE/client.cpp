#include "lib.h"

// Owns a pooled buffer; the release function is kept as a noexcept pointer
// because it runs from a destructor.
class PooledBuffer {
public:
  explicit PooledBuffer(int size) : data_(demo::acquire_buffer(size)) {}
  ~PooledBuffer() { release_(data_); }

private:
  char* data_;
  void (*release_)(char*) noexcept = &demo::release_buffer;
};

void use() { PooledBuffer buffer(256); }
