#include "formats/jsonschema/options.hpp"

namespace breakwater::jsonschema {

std::vector<detail::OptionSpec> option_specs() {
  return {{
      .key = "ref_map",
      .flag = "--ref-map",
      .value_name = "URI=PATH",
      .help = "JSON Schema: read a remote $ref URI (or URI prefix ending in /) from this local file "
              "or directory, as URI=PATH (repeatable; nothing is fetched)",
      .shape = detail::OptionShape::map,
      .paths = detail::OptionPaths::per_side,  // each commit's own copies
  }, {
      // One side's own copies (folders OLD and NEW each with theirs): a change inside a
      // referenced schema is then compared. Merged into ref_map for that side only.
      .key = "ref_map_old",
      .flag = "--ref-map-old",
      .value_name = "URI=PATH",
      .help = "JSON Schema: as --ref-map, for OLD only (NEW reads --ref-map-new's copy)",
      .shape = detail::OptionShape::map,
      .paths = detail::OptionPaths::worktree,
  }, {
      .key = "ref_map_new",
      .flag = "--ref-map-new",
      .value_name = "URI=PATH",
      .help = "JSON Schema: as --ref-map, for NEW only",
      .shape = detail::OptionShape::map,
      .paths = detail::OptionPaths::worktree,
  }};
}

std::unique_ptr<detail::FormatOptions> read_options(const OptionValues& values) {
  auto out = std::make_unique<Options>();
  auto it = values.find("ref_map");
  if (it == values.end()) return out;
  for (const OptionItem& item : it->second.items) {
    if (item.key.find("://") == std::string::npos) {
      throw InputError(item.key_at.known() ? item.key_at : it->second.at,
                       "'ref_map': '" + item.key + "' is not a URI (scheme://...)");
    }
    out->ref_map[item.key] = item.value;
  }
  return out;
}

}  // namespace breakwater::jsonschema
