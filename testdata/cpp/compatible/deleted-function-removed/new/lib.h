#pragma once
namespace demo {
// Deleted functions could never be called: removing or respelling them breaks nobody.
class Handle {
 public:
  Handle();
  Handle(Handle&) = delete;
  void reset(long id);
};
}
