#pragma once

#include "core/engine.hpp"

#include <string>
#include <vector>

namespace breakwater::protobuf {

std::vector<detail::DiscoveredModule> discover(const std::string& workdir,
                                               const std::vector<std::string>& files);

}  // namespace breakwater::protobuf
