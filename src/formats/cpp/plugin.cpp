// C++ public headers as a format: libclang loader, API and ABI checks, discovery of include
// roots.
#include "formats/cpp/plugin.hpp"

#include "formats/cpp/checks.hpp"
#include "formats/cpp/load.hpp"

namespace breakwater::cpp {
namespace {

void run(const Schema& old_schema, const Schema& new_schema, const detail::RuleSelection& enabled,
         const detail::RunContext&, detail::Emitter& out) {
  compare(old_schema, new_schema, enabled, out);
}

// Header sets are named in the config (or given as OLD NEW): a public include root cannot be
// told from private headers by file names, and headers need their compile flags to parse.
std::vector<detail::DiscoveredModule> discover(const std::string&,
                                               const std::vector<std::string>&) {
  return {};
}

}  // namespace

const detail::FormatPlugin& plugin() {
  static const detail::FormatPlugin p{
      .name = "cpp",
      .aliases = {"c++", "cxx", "headers"},
      .default_use = {"API", "ABI"},
      .claims = &claims,
      .load = &load,
      .run = &run,
      .extensions = {".h", ".hh", ".hpp", ".hxx", ".h++"},
      .comment_markers = {"//"},
      .discover = &discover,
      .parallel_sides = true,  // each side has its own libclang index
  };
  return p;
}

}  // namespace breakwater::cpp
