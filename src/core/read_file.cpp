#include "core/read_input.hpp"

#include <cstdio>
#include <memory>

namespace breakwater::detail {

std::optional<std::string> read_file(const std::filesystem::path& path) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"),
                                                          &std::fclose);
  if (!f) return std::nullopt;
  std::string out;
  std::error_code ec;
  const auto size = std::filesystem::is_regular_file(path, ec)
                        ? std::filesystem::file_size(path, ec)
                        : std::uintmax_t{0};
  if (!ec && size > 0) {
    out.resize(size);
    out.resize(std::fread(out.data(), 1, size, f.get()));
  }
  char block[65536];
  for (size_t n; (n = std::fread(block, 1, sizeof block, f.get())) > 0;) out.append(block, n);
  if (std::ferror(f.get())) return std::nullopt;
  return out;
}

}  // namespace breakwater::detail
