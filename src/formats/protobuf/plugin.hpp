#pragma once

#include "core/engine.hpp"

namespace breakwater::protobuf {
const detail::FormatPlugin& plugin();
}
