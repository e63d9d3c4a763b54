// Options a format owns. A format declares each option once (config key, command-line flag,
// shape, allowed values, what its paths are relative to); core parses breakwater.yaml and the
// command line from those declarations, resolves paths, and hands the values to the format,
// which validates them (located errors) into its own options struct. Core names no format's
// option.
#pragma once

#include <breakwater/check.hpp>

#include <memory>
#include <string_view>
#include <vector>

namespace breakwater::detail {

struct FormatPlugin;

enum class OptionShape {
  value,  // one scalar: `dialect: sqlite`, `--dialect sqlite`
  list,   // `exclude: [a, b]`, `--exclude a --exclude b`
  map,    // `ref_map: {URI: PATH}`, `--ref-map URI=PATH`
};

// What a path option's values are relative to and where a git side reads them.
enum class OptionPaths {
  none,      // not paths, or paths the format resolves itself
  per_side,  // made absolute; inside the repository, each git side reads its own copy
  worktree,  // made absolute; both sides read the working tree's file
};

struct OptionSpec {
  std::string_view key = {};         // breakwater.yaml key, top level or in a module
  std::string_view flag = {};        // command-line flag ("" = config only)
  std::string_view value_name = {};  // how --help shows a value: FILE, URI=PATH
  std::string_view help = {};        // one line: --help, docs/config.md
  OptionShape shape = OptionShape::value;
  std::vector<std::string_view> choices = {};  // allowed values of a `value` option; empty = any
  OptionPaths paths = OptionPaths::none;  // map options: the mapped values are the paths
  // Lists: the config's top level, the module and the command line add up; otherwise the
  // nearest one (command line, then module, then top level) replaces the others.
  bool accumulate = false;
  // Takes the command line's arguments after `--` (compile flags, as clang tools do).
  bool trailing_args = false;
  // Its values may name any file of the repository: a git side exports the whole tree.
  bool reads_repository = false;
};

// A format's own options, derived per format (sql::Options, ...).
struct FormatOptions {
  virtual ~FormatOptions() = default;
};

template <class T>
const T& options_as(const FormatOptions& options) {
  return dynamic_cast<const T&>(options);
}

// The declaration of `key` in any format, in registry order (null: no format has it).
const OptionSpec* find_option_spec(std::string_view key);
// `inner` (the nearer setting: a module over the top level, the command line over the config)
// laid over `outer`, as `spec` says.
OptionValue merge_option(const OptionSpec& spec, const OptionValue* outer, const OptionValue* inner);
// The format's options read from `values` (keys of other formats are ignored). Throws
// InputError at the option's config location when a value is invalid.
std::unique_ptr<FormatOptions> read_format_options(const FormatPlugin& format,
                                                   const OptionValues& values);
// InputError (at the value) unless every value is one of the spec's choices.
void check_choices(const OptionSpec& spec, const OptionValue& value);
// One value of a `value` option ("" when unset), the values of a `list` option.
std::string option_value(const OptionValues& values, std::string_view key);
std::vector<std::string> option_list(const OptionValues& values, std::string_view key);
// The config keys every format declares, grouped: "sql: dialect; jsonschema: ref_map; ...".
std::string format_option_keys();

}  // namespace breakwater::detail
