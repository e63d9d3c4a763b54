// One schema for what two schemas both accept (allOf), where that can be written exactly.
#pragma once

#include <breakwater/model.hpp>

#include <optional>

namespace breakwater::jsonschema {

// The schema accepting exactly the documents both `x` and `y` accept, for schemas made of
// plain keywords: the tighter bound, the common types, the union of required names and of
// subschema slots the two do not share. Nothing when it cannot be written as one such schema
// (references, combinators, two different patterns, a slot on both sides whose schemas differ,
// additionalProperties beside the other side's properties...): the caller then compares the
// two one by one, which may report what the intersection would not.
std::optional<Entity> intersect(const Entity& x, const Entity& y);

}  // namespace breakwater::jsonschema
