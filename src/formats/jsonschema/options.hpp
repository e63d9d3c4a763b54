// JSON Schema's own options: local copies of remote $refs (config `ref_map:`, `--ref-map`).
#pragma once

#include "core/format_options.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace breakwater::jsonschema {

struct Options : detail::FormatOptions {
  // A remote $ref URI, or a URI prefix ending in '/', -> the local file or directory holding
  // its copy (remote schemas are never fetched).
  std::map<std::string, std::string> ref_map;
};

std::vector<detail::OptionSpec> option_specs();
// Refuses a key that is not a URI, at the key.
std::unique_ptr<detail::FormatOptions> read_options(const OptionValues& values);

}  // namespace breakwater::jsonschema
