// Where each `$ref` of a loaded schema leads: its target, found by walking the entity tree along
// the JSON pointer instead of indexing every schema by name.
#pragma once

#include <breakwater/model.hpp>

#include <string_view>
#include <unordered_map>

namespace breakwater::jsonschema {

// Every "ref" attribute's value ("file#/pointer") -> the schema entity there, or null when no
// schema sits there (a dangling reference).
std::unordered_map<std::string_view, const Entity*> ref_targets(const Schema& schema);

}  // namespace breakwater::jsonschema
