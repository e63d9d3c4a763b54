#pragma once

namespace demo {

class Window {
public:
  Window();
  void resize(int w, int h);
  void move_to(int x, int y);

private:
  int geometry_[4];
};

}  // namespace demo
