#pragma once

#include "core/engine.hpp"

namespace breakwater::sql {
const detail::FormatPlugin& plugin();
}
