#pragma once

#include "core/engine.hpp"

namespace breakwater::cpp {

const detail::FormatPlugin& plugin();

}  // namespace breakwater::cpp
