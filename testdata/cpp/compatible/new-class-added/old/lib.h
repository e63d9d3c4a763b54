#pragma once

namespace demo {

class Image {
public:
  Image(int width, int height);
  int width() const;
  int height() const;

private:
  int width_;
  int height_;
};

}  // namespace demo
