#include "formats/protobuf/unstable.hpp"

#include <cctype>
#include <vector>

namespace breakwater::protobuf {
namespace {

bool digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Skips the digits at `i`; false when there are none.
bool digits(std::string_view s, size_t& i) {
  const size_t start = i;
  while (i < s.size() && digit(s[i])) ++i;
  return i > start;
}

// "alpha" or "beta", then optional digits, then the end.
bool stability_suffix(std::string_view s, size_t i) {
  for (std::string_view word : {"alpha", "beta"}) {
    if (s.substr(i).starts_with(word)) {
      size_t j = i + word.size();
      digits(s, j);
      return j == s.size();
    }
  }
  return false;
}

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  for (size_t start = 0;;) {
    const size_t end = text.find(sep, start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

}  // namespace

bool unstable_version(std::string_view c) {
  size_t i = 0;
  if (c.empty() || c[0] != 'v') return false;
  ++i;
  if (!digits(c, i)) return false;
  if (c.substr(i).starts_with("test")) return true;  // v\d+test.*
  if (stability_suffix(c, i)) return true;            // v\d+(alpha|beta)\d*
  if (i < c.size() && c[i] == 'p') {                  // v\d+p\d+(alpha|beta)\d*
    ++i;
    return digits(c, i) && stability_suffix(c, i);
  }
  return false;
}

bool in_unstable_package(const Finding& f) {
  std::string_view e = f.entity;
  if (e.find('/') != std::string_view::npos || e.ends_with(".proto")) {
    const size_t slash = e.rfind('/');
    if (slash == std::string_view::npos) return false;
    const std::vector<std::string_view> dirs = split(e.substr(0, slash), '/');
    return unstable_version(dirs.back());
  }
  std::string_view last_package_part;
  for (std::string_view part : split(e, '.')) {
    if (part.empty() || std::isupper(static_cast<unsigned char>(part[0])) != 0) break;
    last_package_part = part;
  }
  return unstable_version(last_package_part);
}

}  // namespace breakwater::protobuf
