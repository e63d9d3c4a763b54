#pragma once

namespace demo {

// Mixin giving a class family a shared logging switch.
class Loggable {
public:
  static void set_log_level(int level);
};

class Connection {
public:
  explicit Connection(const char* url);
  bool send(const char* data, int size);

private:
  int socket_;
};

}  // namespace demo
