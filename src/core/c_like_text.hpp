// Scans over C-like text (protobuf, C++ headers) that must not count what comments and string
// or character literals hold.
#pragma once

#include <cstddef>
#include <string_view>

namespace breakwater::detail {

// When `i` starts a `//` or `/* */` comment or a "..." / '...' literal (ending at the line's
// end at the latest), the index of its last character; otherwise `i`.
inline size_t skip_comment_or_literal(std::string_view t, size_t i) {
  const char c = t[i];
  const char next = i + 1 < t.size() ? t[i + 1] : '\0';
  if (c == '/' && next == '/') {
    while (i + 1 < t.size() && t[i + 1] != '\n') ++i;
  } else if (c == '/' && next == '*') {
    for (i += 2; i + 1 < t.size() && !(t[i] == '*' && t[i + 1] == '/');) ++i;
    ++i;
  } else if (c == '"' || c == '\'') {
    for (++i; i < t.size() && t[i] != c && t[i] != '\n'; ++i) {
      if (t[i] == '\\') ++i;
    }
  }
  return i;
}

}  // namespace breakwater::detail
