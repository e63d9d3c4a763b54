#pragma once

namespace demo {

// How a value is laid out when formatted; char is now the default (clang then spells
// format_specs<char> as format_specs<>: the same type).
template <typename Char = char> struct format_specs {
  int width;
  Char fill;
};

// Formats byte buffers.
class bytes_formatter {
public:
  int format(const char* data, int size, char* out) const;

private:
  format_specs<> specs_;
};

}  // namespace demo
