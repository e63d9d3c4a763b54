#pragma once

#include "core/engine.hpp"

#include <breakwater/model.hpp>

#include <string_view>
#include <vector>

namespace breakwater::jsonschema {

// Compares the accepted documents of OLD and NEW: `backward` reports what NEW rejects that OLD
// accepted, `forward` the reverse, `full` both. (Confluent's LENIENT policy is the catalog's
// `quiet_under: [lenient]`, applied by the engine.)
void compare(const Schema& old_schema, const Schema& new_schema, std::string_view compat,
             const detail::RuleSelection& on, detail::Emitter& out);

}  // namespace breakwater::jsonschema
