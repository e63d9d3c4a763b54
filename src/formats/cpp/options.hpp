// C++'s own options: compile flags (config `compile_flags:`, or after `--`), a compilation
// database (`compile_commands:`, `--compile-commands`) and headers left out (`exclude:`,
// `--exclude`).
#pragma once

#include "core/format_options.hpp"

#include <memory>
#include <string>
#include <vector>

namespace breakwater::cpp {

struct Options : detail::FormatOptions {
  // Compiler flags for the headers (-I, -D, -std...); flags that load code are refused.
  std::vector<std::string> compile_flags;
  Location compile_flags_at;       // where they are spelled (a config line), for errors about them
  std::string compile_flags_base;  // relative paths in them are relative to it ("" = .)
  // A compile_commands.json (absolute once resolved); its entry nearest the headers gives
  // flags (before compile_flags).
  std::string compile_commands;
  // Headers (files or directories, relative to the include root) left out of the umbrella and
  // of the model: platform or internal headers that do not compile on their own. Still parsed
  // where other headers include them.
  std::vector<std::string> exclude;
  // Namespaces whose declarations are not public API (`demo::detail::...`): left out of the
  // model. An entry ending in `*` is a prefix (`__*`). Config `internal_namespaces: []` keeps all.
  std::vector<std::string> internal_namespaces = {"detail", "internal", "impl", "__*"};
};

std::vector<detail::OptionSpec> option_specs();
std::unique_ptr<detail::FormatOptions> read_options(const OptionValues& values);

}  // namespace breakwater::cpp
