#pragma once

#include "core/engine.hpp"

#include <string_view>
#include <vector>

namespace breakwater::sql {

void run_checks(const Schema& old_schema, const Schema& new_schema, const detail::RuleSelection& on,
                detail::Emitter& out);

}  // namespace breakwater::sql
