#include "core/quote.hpp"

namespace breakwater::detail {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0.
size_t utf8_sequence(std::string_view text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  const size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
  if (len == 0 || i + len > text.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  }
  return len;
}

}  // namespace

std::string quoted(std::string_view text, char mark) {
  static const char* hex = "0123456789abcdef";
  std::string out(1, mark);
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t len = c >= 0x80 ? utf8_sequence(text, i) : 0;
    if (len > 0) {
      out.append(text.substr(i, len));
      i += len;
      continue;
    }
    if (c == static_cast<unsigned char>(mark) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    }
    ++i;
  }
  out += mark;
  return out;
}

}  // namespace breakwater::detail
