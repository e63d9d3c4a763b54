#pragma once
namespace demo {
struct Options {
  const char* name;
  int threads;
  int timeout_ms;
  bool verbose;
};
struct Limits {
  int max_items;
  int max_bytes;
  int max_depth;
};
class Handle {
 public:
  explicit Handle(int id);
  int flags;
  int id;
};
}  // namespace demo
