#pragma once
namespace demo {
struct Options {
  int threads;
  const char* name;
  bool verbose;
};
// Fields appended at the end: no finding.
struct Limits {
  int max_items;
  int max_bytes;
};
// Not an aggregate (a constructor): no finding.
class Handle {
 public:
  explicit Handle(int id);
  int id;
  int flags;
};
}  // namespace demo
