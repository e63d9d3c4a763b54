#pragma once

namespace demo {

class Journal {
public:
  Journal();
  void append(const char* record);
  // Writes buffered records to disk, waiting at most timeout_ms.
  bool flush(int timeout_ms);

private:
  int pending_;
};

}  // namespace demo
