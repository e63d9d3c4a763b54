// Lexical path questions the run asks over and over: where is this, is it below that.
#pragma once

#include <filesystem>
#include <string>

namespace breakwater::detail {

// Absolute and lexically normal ("" means the current directory); never throws.
inline std::filesystem::path absolute_path(const std::string& p) {
  std::error_code ec;
  return std::filesystem::absolute(p.empty() ? "." : p, ec).lexically_normal();
}

// Whether `p` is `dir` or lies below it (both absolute and normal).
inline bool inside(const std::filesystem::path& p, const std::filesystem::path& dir) {
  const std::filesystem::path rel = p.lexically_relative(dir);
  return !rel.empty() && *rel.begin() != "..";
}

// `p` relative to `dir`, '/'-separated, "." for `dir` itself.
inline std::string relative_to(const std::filesystem::path& p, const std::filesystem::path& dir) {
  std::string rel = p.lexically_relative(dir).generic_string();
  if (!rel.empty() && rel.back() == '/') rel.pop_back();
  return rel.empty() ? "." : rel;
}

}  // namespace breakwater::detail
