#pragma once

#include "core/engine.hpp"

#include <breakwater/model.hpp>

#include <string_view>
#include <vector>

namespace breakwater::jsonschema {

// Compares the accepted documents of OLD and NEW: `backward` reports what NEW rejects that OLD
// accepted, `forward` the reverse, `full` both. `lenient` follows Confluent's LENIENT policy
// (readers ignore unknown properties: the content-model rules that rely on it stay quiet).
void compare(const Schema& old_schema, const Schema& new_schema, std::string_view compat,
             bool lenient, const detail::RuleSelection& on, detail::Emitter& out);

std::vector<std::string_view> implemented_rules();

}  // namespace breakwater::jsonschema
