// Lexical path questions the run asks over and over: where is this, is it below that.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

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

// Whether `p` is `dir` or lies below it once symbolic links in both are resolved (a link is where
// it leads); false when either cannot be resolved. For paths named by untrusted input.
inline bool inside_resolved(const std::filesystem::path& p, const std::filesystem::path& dir) {
  std::error_code ec1, ec2;
  const std::filesystem::path file = std::filesystem::weakly_canonical(p, ec1);
  const std::filesystem::path root = std::filesystem::weakly_canonical(dir, ec2);
  return !ec1 && !ec2 && inside(file, root);
}

// `p` relative to `dir`, '/'-separated, "." for `dir` itself.
inline std::string relative_to(const std::filesystem::path& p, const std::filesystem::path& dir) {
  std::string rel = p.lexically_relative(dir).generic_string();
  if (!rel.empty() && rel.back() == '/') rel.pop_back();
  return rel.empty() ? "." : rel;
}

// How a loader names a file to users: relative to the current directory when below it.
inline std::string shown_path(const std::filesystem::path& p) {
  std::filesystem::path n = p.lexically_normal();
  if (n.is_absolute()) {
    std::error_code ec;
    const std::filesystem::path rel = n.lexically_relative(std::filesystem::current_path(ec));
    if (!ec && !rel.empty() && *rel.begin() != "..") n = rel;
  }
  return n.generic_string();
}

// The outermost directories holding files that end with `suffix` (repository-relative, "." for
// the root): formats whose module is "a folder of such files" discover with this.
inline std::vector<std::string> outermost_dirs_with(const std::vector<std::string>& files,
                                                    const std::string& suffix) {
  std::set<std::string> dirs;
  for (const std::string& f : files) {
    if (!f.ends_with(suffix)) continue;
    const size_t slash = f.rfind('/');
    dirs.insert(slash == std::string::npos ? "." : f.substr(0, slash));
  }
  std::vector<std::string> out;
  for (const std::string& d : dirs) {
    bool nested = false;
    for (const std::string& o : dirs) {
      nested = nested || (o != d && (o == "." || d.starts_with(o + "/")));
    }
    if (!nested) out.push_back(d);
  }
  return out;
}

}  // namespace breakwater::detail
