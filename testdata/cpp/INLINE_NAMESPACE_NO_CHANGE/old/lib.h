#pragma once

namespace demo {

// Base64 encoder that keeps its state between chunks of input.
class Codec {
public:
  Codec();
  // Encodes size bytes of data into out; returns the characters written.
  int encode(const char* data, int size, char* out);

private:
  int pending_;
};

// Encodes a whole string at once into out.
int encode(const char* text, char* out);

}  // namespace demo
