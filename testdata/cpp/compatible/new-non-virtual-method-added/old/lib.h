#pragma once

namespace demo {

class Stopwatch {
public:
  Stopwatch();
  void start();
  void stop();
  long elapsed_ms() const;

private:
  long started_at_;
  long elapsed_;
};

}  // namespace demo
