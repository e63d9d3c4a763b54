#pragma once

#include "core/engine.hpp"

namespace breakwater::jsonschema {

const detail::FormatPlugin& plugin();

}  // namespace breakwater::jsonschema
