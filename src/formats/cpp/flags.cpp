#include "formats/cpp/flags.hpp"

#include "core/paths.hpp"

#include <array>
#include <filesystem>
#include <string_view>

namespace breakwater::cpp {
namespace {

// Options that take their value as the next argument, and may also be written joined.
constexpr std::array<std::string_view, 8> kWithValue = {"-I", "-isystem", "-iquote",  "-idirafter",
                                                        "-D", "-U",       "-include", "-imacros"};

// `-f` and `-m` options whose value (after '=') names a file, or that load or write something.
constexpr std::array<std::string_view, 16> kRefusedFeatures = {"-fplugin",
                                                               "-fmodules",
                                                               "-fimplicit-module",
                                                               "-fpass-plugin",
                                                               "-fprofile",
                                                               "-fmodules-cache-path",
                                                               "-fmodule-map-file",
                                                               "-fprebuilt-module",
                                                               "-fmodule-file",
                                                               "-fcrash-diagnostics",
                                                               "-fsanitize-ignorelist",
                                                               "-fsanitize-blacklist",
                                                               "-fdebug-compilation-dir",
                                                               "-fembed",
                                                               "-fcoverage",
                                                               "-ftime-trace"};

bool plain_switch(std::string_view f) {
  for (std::string_view exact : {"-w", "-pedantic", "-pedantic-errors", "-ansi", "-pthread",
                                 "-nostdinc", "-nostdinc++", "-nostdlibinc", "-fsyntax-only"}) {
    if (f == exact) return true;
  }
  return f.starts_with("-std=") || f.starts_with("-O") || f.starts_with("-g") ||
         f.starts_with("--target=") || f.starts_with("-march=") || f.starts_with("-mtune=");
}

constexpr std::array<std::string_view, 6> kPathValued = {"-isystem", "-iquote",  "-idirafter",
                                                         "-include", "-imacros", "-I"};

}  // namespace

std::vector<std::string> map_flag_paths(const std::vector<std::string>& flags,
                                        const std::function<std::string(const std::string&)>& map) {
  std::vector<std::string> out;
  out.reserve(flags.size());
  for (size_t i = 0; i < flags.size(); ++i) {
    const std::string& f = flags[i];
    std::string_view opt;
    for (std::string_view o : kPathValued) {
      if (f.starts_with(o) && !f.starts_with("-include-")) {
        opt = o;
        break;
      }
    }
    if (opt.empty()) {
      out.push_back(f);
    } else if (f.size() > opt.size()) {
      out.push_back(std::string(opt) + map(f.substr(opt.size())));
    } else {
      out.push_back(f);
      if (i + 1 < flags.size()) out.push_back(map(flags[++i]));
    }
  }
  return out;
}

// An allowlist: what a header parse needs (include paths, macros, language level, warnings and
// code-generation switches that change layout) and nothing that names programs, plugins or
// output files. Anything else is refused by name.
std::optional<std::string> refused_flag(const std::vector<std::string>& flags,
                                        const std::string& root) {
  for (size_t i = 0; i < flags.size(); ++i) {
    const std::string_view f = flags[i];
    const auto refuse = [&](const std::string& why) {
      return std::optional<std::string>("compile flag '" + std::string(f) + "' refused: " + why);
    };
    if (f.starts_with("-include-pch") || f.starts_with("-include-pth"))
      return refuse("a precompiled header is deserialized, not parsed");
    bool with_value = false;
    for (std::string_view opt : kWithValue) {
      if (!f.starts_with(opt)) continue;
      std::string_view value = f.substr(opt.size());
      if (value.empty()) {
        if (i + 1 >= flags.size()) return refuse("its value is missing");
        value = flags[++i];
      }
      // A forced include reads a file before the headers: only one of the repository's.
      const std::filesystem::path file(value);
      if ((opt == "-include" || opt == "-imacros") &&
          !detail::inside_resolved(file.is_absolute() ? file : std::filesystem::path(root) / file,
                                   root))
        return refuse("it includes a file outside the repository");
      with_value = true;
      break;
    }
    if (with_value) continue;
    if (f == "-Xclang" || f.starts_with("-load") || f.starts_with("-mllvm"))
      return refuse("it passes options to the compiler's internals, which can load code");
    if (plain_switch(f)) continue;
    if (f.starts_with("-W") && !f.starts_with("-Wl,") && !f.starts_with("-Wa,") &&
        !f.starts_with("-Wp,"))
      continue;
    if (f.starts_with("-f") || f.starts_with("-m")) {
      bool refused = false;
      for (std::string_view bad : kRefusedFeatures) refused = refused || f.starts_with(bad);
      if (!refused && f.find('/') == std::string_view::npos) continue;
      return refuse("it loads code or names a file");
    }
    if (f.starts_with("@")) return refuse("response files are not read; list the flags instead");
    return refuse(
        "only include paths, macros, -std, warnings and -f/-m switches are accepted for parsing "
        "headers");
  }
  return std::nullopt;
}

}  // namespace breakwater::cpp
