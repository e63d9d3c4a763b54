// JSON Schema as a format: loader, the set-inclusion comparison in three directions, and
// discovery of schema folders.
#include "formats/jsonschema/plugin.hpp"

#include "formats/jsonschema/compare.hpp"
#include "formats/jsonschema/load.hpp"
#include "formats/jsonschema/suppressions.hpp"

#include "core/paths.hpp"

namespace breakwater::jsonschema {
namespace {

Schema load_jsonschema(const std::string& path, const LoadOptions& options,
                       const detail::FormatOptions& own) {
  return load(path, options, detail::options_as<Options>(own));
}

void run(const Schema& old_schema, const Schema& new_schema, const detail::RuleSelection& enabled,
         const detail::RunContext& context, detail::Emitter& out) {
  compare(old_schema, new_schema, context.compat, enabled, out);
}

// Every directory holding .json schemas outside another such directory is one module.
std::vector<detail::DiscoveredModule> discover(const std::string&,
                                               const std::vector<std::string>& files) {
  std::vector<detail::DiscoveredModule> out;
  for (const std::string& d : detail::outermost_dirs_with(files, ".schema.json"))
    out.push_back({d, {}, {}});
  return out;
}

}  // namespace

const detail::FormatPlugin& plugin() {
  static const detail::FormatPlugin p{
      .name = "jsonschema",
      .lang = "jsonschema",
      .aliases = {"json-schema", "json"},
      .default_use = {"CONSTRAINTS", "CONTENT_MODEL"},
      .claims = &claims,
      .options = option_specs(),
      .read_options = &read_options,
      .load = &load_jsonschema,
      .run = &run,
      .extensions = {".json"},
      .comment_markers = {},
      .find_suppressions = &find_suppressions,
      .discover = &discover,
      .compat = {"backward", "forward", "full"},
      .parallel_sides = true,
      .starter_module =
          "#   - path: schemas\n"
          "#     compat: full                   # JSON Schema: backward | forward | full\n"
          "#     policy: lenient                # JSON Schema: strict | lenient\n"
          "#     ref_map:                       # JSON Schema: local copies of remote $refs (never "
          "fetched)\n"
          "#       \"https://example.com/schemas/\": vendor/example-schemas/\n",
  };
  return p;
}

}  // namespace breakwater::jsonschema
