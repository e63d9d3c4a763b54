#pragma once

namespace demo {

class Window {
public:
  Window();
  void resize(int width, int height);
  void move_to(int left, int top);

private:
  int geometry_[4];
};

}  // namespace demo
