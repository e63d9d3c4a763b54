#pragma once

namespace demo {

// Destination for log output; applications derive their own sinks.
class LogSink {
public:
  virtual ~LogSink();
  virtual void write(const char* message);
  virtual void flush();
};

void add_log_sink(LogSink* sink);

}  // namespace demo
