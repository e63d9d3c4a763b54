#pragma once

namespace demo {

// A decoded RGBA image.
class Image {
public:
  Image(int width, int height);
  int width() const;
  int height() const;
  // Number of pixels, width times height.
  int pixel_count() const;

private:
  int width_;
  int height_;
};

}  // namespace demo
