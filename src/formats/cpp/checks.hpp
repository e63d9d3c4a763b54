#pragma once

#include "core/engine.hpp"

#include <breakwater/model.hpp>

#include <string_view>
#include <vector>

namespace breakwater::cpp {

// Compares the API models of OLD and NEW headers: what breaks code compiled against OLD (API)
// and binaries built against OLD (ABI, Itanium C++ on x86-64).
void compare(const Schema& old_schema, const Schema& new_schema, const detail::RuleSelection& on,
             detail::Emitter& out);


}  // namespace breakwater::cpp
