#include "formats/jsonschema/suppressions.hpp"

#include <cctype>

namespace breakwater::jsonschema {
namespace {

constexpr std::string_view kKey = "\"x-breakwater-ignore\"";

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The JSON string starting at `s[0] == '"'`, unescaped (\" and \\ only: rule ids and reasons),
// and its length in `s`.
std::string json_string(std::string_view s, size_t& length) {
  std::string out;
  size_t i = 1;
  for (; i < s.size() && s[i] != '"'; ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) ++i;
    out += s[i];
  }
  length = i + 1;
  return out;
}

uint32_t code_points(std::string_view s) {
  uint32_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Whether `pos` in `line` starts inside a string literal (an odd number of unescaped quotes
// before it).
bool inside_string(std::string_view line, size_t pos) {
  bool in = false;
  for (size_t i = 0; i < pos; ++i) {
    if (line[i] == '\\' && in) {
      ++i;
    } else if (line[i] == '"') {
      in = !in;
    }
  }
  return in;
}

}  // namespace

std::vector<detail::InlineSuppression> find_suppressions(std::string_view text,
                                                         const std::string& path) {
  if (text.find(kKey) == std::string_view::npos) return {};
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= text.size();) {
    const size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string_view::npos ? text.npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  std::vector<detail::InlineSuppression> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const size_t pos = line.find(kKey);
    if (pos == std::string_view::npos || inside_string(line, pos)) continue;
    std::string_view rest = trim(line.substr(pos + kKey.size()));
    if (!rest.starts_with(':')) continue;
    rest = trim(rest.substr(1));
    if (!rest.starts_with('"')) continue;
    size_t length = 0;
    const std::string body = json_string(rest, length);
    detail::InlineSuppression s;
    s.at = Location{path, static_cast<uint32_t>(i + 1), code_points(line.substr(0, pos)) + 1};
    detail::read_directive(body, s);
    // Alone on its line (give or take a trailing comma): the next non-blank line.
    const std::string_view after = trim(rest.substr(length));
    s.covers = static_cast<uint32_t>(i + 1);
    if (trim(line.substr(0, pos)).empty() && (after.empty() || after == ",")) {
      size_t next = i + 1;
      while (next < lines.size() && trim(lines[next]).empty()) ++next;
      s.covers = static_cast<uint32_t>(next + 1);
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace breakwater::jsonschema
