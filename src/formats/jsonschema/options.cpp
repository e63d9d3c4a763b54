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
