#pragma once
namespace demo {
class Handle {
 public:
  Handle();
  Handle(const Handle&) = delete;
  void reset(long id);
  void reset(int) = delete;
};
}
