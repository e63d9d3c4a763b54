// JSON Schema as a format: loader, the set-inclusion comparison in three directions, and
// discovery of schema folders.
#include "formats/jsonschema/plugin.hpp"

#include "formats/jsonschema/compare.hpp"
#include "formats/jsonschema/load.hpp"
#include "formats/jsonschema/suppressions.hpp"

#include <set>

namespace breakwater::jsonschema {
namespace {

void run(const Schema& old_schema, const Schema& new_schema, const detail::RuleSelection& enabled,
         const detail::RunContext& context, detail::Emitter& out) {
  compare(old_schema, new_schema, context.compat, context.policy == "lenient", enabled, out);
}

// Every directory holding .json schemas outside another such directory is one module.
std::vector<detail::DiscoveredModule> discover(const std::string&,
                                               const std::vector<std::string>& files) {
  std::set<std::string> dirs;
  for (const std::string& f : files) {
    if (!f.ends_with(".schema.json")) continue;
    const size_t slash = f.rfind('/');
    dirs.insert(slash == std::string::npos ? "." : f.substr(0, slash));
  }
  std::vector<detail::DiscoveredModule> out;
  for (const std::string& d : dirs) {
    bool nested = false;
    for (const std::string& o : dirs) {
      nested = nested || (o != d && (o == "." || d.starts_with(o + "/")));
    }
    if (!nested) out.push_back({d, {}, {}});
  }
  return out;
}

}  // namespace

const detail::FormatPlugin& plugin() {
  static const detail::FormatPlugin p{
      .name = "jsonschema",
      .aliases = {"json-schema", "json"},
      .default_use = {"CONSTRAINTS", "CONTENT_MODEL"},
      .claims = &claims,
      .load = &load,
      .implemented_rules = &implemented_rules,
      .run = &run,
      .extensions = {".json"},
      .comment_markers = {},
      .find_suppressions = &find_suppressions,
      .discover = &discover,
      .compat = {"backward", "forward", "full"},
      .parallel_sides = true,
  };
  return p;
}

}  // namespace breakwater::jsonschema
