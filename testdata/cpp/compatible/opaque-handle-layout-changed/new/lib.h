#pragma once

namespace demo {

// A connection to a remote service. Sessions are created by open() and
// destroyed by close(); the library owns their memory and clients only
// ever hold pointers to them.
class Session {
public:
  // Connects to url; returns nullptr if the service cannot be reached.
  static Session* open(const char* url);
  // Ends the session and frees it; the pointer is invalid afterwards.
  void close();
  bool send(const char* data, int size);
  int receive(char* buffer, int capacity);

private:
  Session();
  ~Session();
  Session(const Session&);
  Session& operator=(const Session&);

  int socket_;
  int state_;
  long bytes_sent_;
};

}  // namespace demo
