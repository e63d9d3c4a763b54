// How the comparison's findings spell values: quoted names, numbers without trailing zeros,
// bounds as "> 3" / "<= 10", name lists as written. One place, so every message says a value
// the same way. (Direction-dependent words, added/removed and "from X to Y", belong to the
// Comparer, which knows the direction.)
#pragma once

#include "formats/jsonschema/schema_values.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace breakwater::jsonschema {

// "name", in double quotes.
std::string q(std::string_view s);
// 3, 2.5: whole numbers without a fraction, others to six decimals without trailing zeros.
std::string number_text(double d);
// ">= 3", "< 10", or "none".
std::string bound_text(std::optional<Bound> b, bool low);
// A dependentRequired name list (names separated by \x1f) as "a,b".
std::string readable_names(std::string names);
// The property path a user reads in a schema location that passes through combinators
// (`file#/properties/name/allOf/1` -> "name", `#/properties/a/items/anyOf/0/properties/b` ->
// "a[].b", `#/$defs/Tag/properties/x` -> "Tag: x"), or "" when the location passes through none
// (its pointer already reads as a path) or names no property.
std::string property_path(std::string_view location);

}  // namespace breakwater::jsonschema
