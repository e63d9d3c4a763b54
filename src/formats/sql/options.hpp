// SQL's own options: the dialect (config `dialect:`, `--dialect`).
#pragma once

#include "core/format_options.hpp"

#include <memory>
#include <string>
#include <vector>

namespace breakwater::sql {

struct Options : detail::FormatOptions {
  std::string dialect;  // "" = by file name or content | postgres | sqlite | mysql
};

std::vector<detail::OptionSpec> option_specs();
std::unique_ptr<detail::FormatOptions> read_options(const OptionValues& values);

}  // namespace breakwater::sql
