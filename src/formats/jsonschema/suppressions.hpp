#pragma once

#include "core/suppressions.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace breakwater::jsonschema {

// JSON has no comments, so a suppression is a member of the schema object it is about:
//   "x-breakwater-ignore": "MAX_LENGTH_NO_DECREASE names are capped upstream"
//   "x-breakwater-ignore": ["PROPERTY_NO_DELETE(email) moved to contact", "TYPE_NO_CHANGE(age) ..."]
// (names as in comments, then the reason). Validators ignore unknown `x-` keywords. It covers the
// findings anchored on that object and its own keywords, wherever in the object it is written.
std::vector<detail::InlineSuppression> find_suppressions(std::string_view text,
                                                         const std::string& path);

}  // namespace breakwater::jsonschema
