#pragma once

#include "core/suppressions.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace breakwater::jsonschema {

// JSON has no comments, so a suppression is a member of the schema object:
//   "x-breakwater-ignore": "MAX_LENGTH_NO_DECREASE names are capped upstream"
// (rule ids or categories, comma-separated, then the reason). Validators ignore unknown `x-`
// keywords. Alone on its line it covers the next line; after other members, its own line.
std::vector<detail::InlineSuppression> find_suppressions(std::string_view text,
                                                         const std::string& path);

}  // namespace breakwater::jsonschema
