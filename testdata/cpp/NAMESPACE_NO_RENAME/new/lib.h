#pragma once

namespace imaging2 {

// Decodes PNG and JPEG images into RGBA pixels.
class Decoder {
public:
  Decoder();
  bool decode(const unsigned char* data, int size);
  int width() const;
  int height() const;

private:
  int width_;
  int height_;
};

// Pixels per row, padded to a multiple of four.
int stride(int width);

}  // namespace imaging2
