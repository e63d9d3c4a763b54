#pragma once

namespace demo {

class Journal {
public:
  Journal();
  void append(const char* record);
  // Writes buffered records to disk, waiting at most timeout_ms;
  // with sync set, also waits for the device to confirm the write.
  bool flush(int timeout_ms, bool sync = false);

private:
  int pending_;
};

}  // namespace demo
