#include "formats/cpp/options.hpp"

namespace breakwater::cpp {

std::vector<detail::OptionSpec> option_specs() {
  return {
      {
          .key = "compile_flags",
          .value_name = "FLAG",
          .help = "C++: compiler flags for the headers (-I -D -U -std -W -f -m ...; flags that "
                  "load code are refused); on the command line they follow `--`",
          .shape = detail::OptionShape::list,
          .trailing_args = true,
          .reads_repository = true,  // -I may name any directory of the repository
      },
      {
          .key = "compile_commands",
          .flag = "--compile-commands",
          .value_name = "FILE",
          .help = "C++: compile_commands.json; the flags of its entry nearest the headers are "
                  "used (compile flags may also follow `--`)",
          .paths = detail::OptionPaths::worktree,  // both sides take the working tree's entry
          .reads_repository = true,
      },
      {
          .key = "exclude",
          .flag = "--exclude",
          .value_name = "HEADER",
          .help = "C++: a header or directory not parsed on its own and not reported "
                  "(repeatable)",
          .shape = detail::OptionShape::list,
          .accumulate = true,
      },
      {
          .key = "internal_namespaces",
          .flag = "--internal-namespace",
          .value_name = "NAME",
          .help = "C++: a namespace whose declarations are not public API, at any depth "
                  "(repeatable; `NAME*` is a prefix; default: detail, internal, impl, __*; "
                  "`internal_namespaces: []` compares them all)",
          .shape = detail::OptionShape::list,
      },
  };
}

std::unique_ptr<detail::FormatOptions> read_options(const OptionValues& values) {
  auto out = std::make_unique<Options>();
  out->compile_flags = detail::option_list(values, "compile_flags");
  if (auto it = values.find("compile_flags"); it != values.end()) {
    out->compile_flags_at = it->second.at;
    out->compile_flags_base = it->second.base;
  }
  out->compile_commands = detail::option_value(values, "compile_commands");
  out->exclude = detail::option_list(values, "exclude");
  if (values.contains("internal_namespaces")) {
    out->internal_namespaces = detail::option_list(values, "internal_namespaces");
  }
  return out;
}

}  // namespace breakwater::cpp
