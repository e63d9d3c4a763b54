#pragma once

namespace demo {

class Stopwatch {
public:
  Stopwatch();
  void start();
  void stop();
  long elapsed_ms() const;
  // Stops the watch and sets the elapsed time back to zero.
  void reset();

private:
  long started_at_;
  long elapsed_;
};

}  // namespace demo
