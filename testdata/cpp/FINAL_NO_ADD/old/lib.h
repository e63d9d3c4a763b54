#pragma once

namespace demo {

// A blocking HTTP client; derive from it to observe responses.
class HttpClient {
public:
  HttpClient();
  virtual ~HttpClient();
  // Sends a GET request and returns the status code.
  int get(const char* url);

protected:
  // Called once per response, before get() returns.
  virtual void on_response(int status);

private:
  void* session_;
};

}  // namespace demo
