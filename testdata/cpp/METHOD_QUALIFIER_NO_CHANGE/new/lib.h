#pragma once

namespace demo {

class Buffer {
public:
  Buffer();
  void push(char c);
  // Number of bytes currently stored.
  unsigned long size();

private:
  char* data_;
  unsigned long size_;
};

}  // namespace demo
