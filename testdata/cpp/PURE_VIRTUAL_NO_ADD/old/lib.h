#pragma once

namespace demo {

// An output stream; applications derive their own for files, sockets and pipes.
class Stream {
public:
  virtual ~Stream();
  // Writes size bytes; returns how many were accepted.
  virtual int write(const char* data, int size) = 0;
  // Pushes buffered bytes to the device. Does nothing by default.
  virtual void flush();
};

// Copies everything from a file into out, then flushes it.
bool dump_file(const char* path, Stream& out);

}  // namespace demo
