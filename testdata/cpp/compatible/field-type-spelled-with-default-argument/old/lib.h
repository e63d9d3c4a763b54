#pragma once

namespace demo {

// How a value is laid out when formatted.
template <typename Char> struct format_specs {
  int width;
  Char fill;
};

// Formats byte buffers.
class bytes_formatter {
public:
  int format(const char* data, int size, char* out) const;

private:
  format_specs<char> specs_;
};

}  // namespace demo
