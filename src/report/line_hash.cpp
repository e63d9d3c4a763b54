// GitHub code scanning's primaryLocationLineHash, so that alerts keep their identity when an
// upload bypasses the upload-sarif action (which would otherwise compute it). The algorithm is a
// base-37 rolling hash over a 100-unit window of the file's UTF-16 code units with spaces and
// tabs dropped and CR/CRLF read as LF; a line's hash is the window starting at its first unit.
#include "report/reporters.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <map>

namespace breakwater::detail {
namespace {

constexpr int kWindow = 100;
constexpr uint64_t kBase = 37;
constexpr uint32_t kEndOfInput = 65535;

std::vector<uint32_t> utf16_units(std::string_view text) {
  std::vector<uint32_t> units;
  units.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    uint32_t cp = 0xFFFD;
    size_t len = 1;
    if (c < 0x80) {
      cp = c;
    } else if ((c >> 5) == 0x6 && i + 1 < text.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      len = 2;
    } else if ((c >> 4) == 0xE && i + 2 < text.size()) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
      len = 3;
    } else if ((c >> 3) == 0x1E && i + 3 < text.size()) {
      cp = ((c & 0x07u) << 18) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 12) |
           ((static_cast<unsigned char>(text[i + 2]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(text[i + 3]) & 0x3Fu);
      len = 4;
    }
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units.push_back(0xD800 + (cp >> 10));
      units.push_back(0xDC00 + (cp & 0x3FF));
    } else {
      units.push_back(cp);
    }
  }
  return units;
}

}  // namespace

std::vector<std::string> line_hashes(std::string_view text) {
  uint64_t first_mod = 1;
  for (int i = 0; i < kWindow; ++i) first_mod *= kBase;

  std::array<uint32_t, kWindow> window{};
  std::array<int64_t, kWindow> line_at{};
  line_at.fill(-1);
  uint64_t hash = 0;
  int index = 0;
  int64_t line = 0;
  bool line_start = true;
  bool prev_cr = false;
  std::map<uint64_t, int> seen;
  std::vector<std::string> out;

  auto emit = [&] {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(hash));
    const int count = ++seen[hash];
    const auto n = static_cast<size_t>(line_at[index]);
    if (out.size() < n) out.resize(n);
    out[n - 1] = std::string(buf) + ":" + std::to_string(count);
    line_at[index] = -1;
  };
  auto update = [&](uint32_t unit) {
    const uint32_t leaving = window[index];
    window[index] = unit;
    hash = kBase * hash + unit - first_mod * leaving;
    index = (index + 1) % kWindow;
  };
  auto feed = [&](uint32_t unit) {
    if (unit == ' ' || unit == '\t' || (prev_cr && unit == '\n')) {
      prev_cr = false;
      return;
    }
    if (unit == '\r') {
      unit = '\n';
      prev_cr = true;
    } else {
      prev_cr = false;
    }
    if (line_at[index] != -1) emit();
    if (line_start) {
      line_start = false;
      line_at[index] = ++line;
    }
    if (unit == '\n') line_start = true;
    update(unit);
  };

  for (uint32_t unit : utf16_units(text)) feed(unit);
  feed(kEndOfInput);
  for (int i = 0; i < kWindow; ++i) {
    if (line_at[index] != -1) emit();
    update(0);
  }
  return out;
}

}  // namespace breakwater::detail
