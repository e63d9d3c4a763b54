#include "lib.h"

// Counts server errors seen by the application.
class MonitoredClient : public demo::HttpClient {
public:
  int errors() const { return errors_; }

protected:
  void on_response(int status) override {
    if (status >= 500) ++errors_;
  }

private:
  int errors_ = 0;
};

int check(const char* url) {
  MonitoredClient client;
  client.get(url);
  return client.errors();
}
