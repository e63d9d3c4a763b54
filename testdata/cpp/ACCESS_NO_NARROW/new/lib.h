#pragma once

namespace demo {

class Parser {
public:
  Parser();
  bool parse(const char* text);

private:
  // Forgets everything parsed so far.
  void reset();

  int state_;
};

}  // namespace demo
