#pragma once

namespace demo {

class Parser {
public:
  Parser();
  bool parse(const char* text);
  // Forgets everything parsed so far.
  void reset();

private:
  int state_;
};

}  // namespace demo
