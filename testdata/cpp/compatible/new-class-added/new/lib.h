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

// Scales images down to fit a bounding box.
class Thumbnailer {
public:
  explicit Thumbnailer(int max_side);
  Image make(const Image& source) const;

private:
  int max_side_;
};

}  // namespace demo
