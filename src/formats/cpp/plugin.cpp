// C++ public headers as a format: libclang loader, API and ABI checks, discovery of include
// roots.
#include "formats/cpp/plugin.hpp"

#include "formats/cpp/checks.hpp"
#include "formats/cpp/load.hpp"

#include <filesystem>
#include <set>

namespace breakwater::cpp {
namespace {
namespace fs = std::filesystem;

bool claims_name(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".h" || ext == ".hh" || ext == ".hpp" || ext == ".hxx" || ext == ".h++";
}

Schema load_cpp(const std::string& path, const LoadOptions& options,
                const detail::FormatOptions& own) {
  return load(path, options, detail::options_as<Options>(own));
}

void run(const Schema& old_schema, const Schema& new_schema, const detail::RuleSelection& enabled,
         const detail::RunContext&, detail::Emitter& out) {
  compare(old_schema, new_schema, enabled, out);
}

// Public header roots are the folders named include/ (outermost, holding headers); other header
// sets are named in the config or given as OLD NEW: private headers cannot be told from public
// ones by their names.
std::vector<detail::DiscoveredModule> discover(const std::string&,
                                               const std::vector<std::string>& files) {
  std::set<std::string> roots;
  for (const std::string& f : files) {
    const fs::path p(f);
    if (!claims_name(p)) continue;
    std::string prefix;
    for (const fs::path& part : p.parent_path()) {
      prefix += (prefix.empty() ? "" : "/") + part.string();
      if (part == "include") {
        roots.insert(prefix);
        break;
      }
    }
  }
  std::vector<detail::DiscoveredModule> out;
  for (const std::string& r : roots) out.push_back({r, {}, {}});
  return out;
}

}  // namespace

const detail::FormatPlugin& plugin() {
  static const detail::FormatPlugin p{
      .name = "cpp",
      .lang = "cpp",
      .aliases = {"c++", "cxx", "headers"},
      .default_use = {"API", "ABI"},
      .claims = &claims,
      .options = option_specs(),
      .read_options = &read_options,
      .load = &load_cpp,
      .run = &run,
      .extensions = {".h", ".hh", ".hpp", ".hxx", ".h++"},
      .directory_name = "include",
      .comment_markers = {"//"},
      .discover = &discover,
      .parallel_sides = true,  // each side has its own libclang index
      .starter_module =
          "#   - path: include                  # C++: the public include root of a library\n"
          "#     lang: cpp\n"
          "#     compile_flags: [-DMYLIB_STATIC, -std=c++20]   # allowlisted: -I -D -U -std -W -f "
          "-m ...\n"
          "#     compile_commands: build/compile_commands.json # flags of the entry nearest the "
          "headers\n"
          "#     exclude: [include/mylib/win32]                # headers not parsed on their own\n",
  };
  return p;
}

}  // namespace breakwater::cpp
