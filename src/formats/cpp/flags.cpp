#include "formats/cpp/flags.hpp"

#include <filesystem>
#include <string_view>

namespace breakwater::cpp {
namespace {

bool inside(const std::filesystem::path& p, const std::string& root) {
  std::error_code ec1, ec2;
  const auto file = std::filesystem::weakly_canonical(p, ec1);
  const auto dir = std::filesystem::weakly_canonical(root, ec2);
  if (ec1 || ec2) return false;
  const auto rel = file.lexically_relative(dir);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

std::optional<std::string> refused_flag(const std::vector<std::string>& flags,
                                        const std::string& root) {
  for (size_t i = 0; i < flags.size(); ++i) {
    const std::string_view f = flags[i];
    const auto refuse = [&](const std::string& why) {
      return std::optional<std::string>("compile flag '" + std::string(f) + "' refused: " + why);
    };
    // Anything passed straight to the compiler front end can load plugins (-load, -plugin).
    if (f == "-Xclang" || f.starts_with("-Xclang="))
      return refuse("it passes options to the front end, which can load code");
    if (f.starts_with("-fplugin") || f.starts_with("-fpass-plugin"))
      return refuse("it loads code into the parser");
    if (f == "-load" || f.starts_with("-load=")) return refuse("it loads code into the parser");
    if (f.starts_with("-B") || f.starts_with("--config") || f.starts_with("-ccc-") ||
        f.starts_with("--gcc-toolchain") || f.starts_with("-fprofile") ||
        f.starts_with("--driver-mode") || f == "-Xlinker" || f.starts_with("-Wl,") ||
        f.starts_with("-Xpreprocessor") || f.starts_with("-fmodules-cache-path") || f == "-o" ||
        f.starts_with("-MF") || f.starts_with("-MD"))
      return refuse("it selects programs or files outside the headers under review");
    if (f.starts_with("@")) {
      if (!inside(std::string(f.substr(1)), root))
        return refuse("a response file outside the repository");
      return refuse("response files are not read; list the flags instead");
    }
    if (f == "-include" || f == "-imacros" || f.starts_with("-include") ||
        f.starts_with("-imacros")) {
      std::string file(f == "-include" || f == "-imacros"
                           ? (i + 1 < flags.size() ? flags[i + 1] : "")
                           : std::string(f.substr(8)));  // -includeFILE, -imacrosFILE
      if (std::filesystem::path(file).is_absolute() && !inside(file, root))
        return refuse("it includes a file outside the repository");
    }
  }
  return std::nullopt;
}

}  // namespace breakwater::cpp
