// Argument parsing only; every subcommand lives in commands.cpp.
#include "cli/commands.hpp"
#include "cli/resource_watch.hpp"

#include <breakwater/rules.hpp>

#include "core/engine.hpp"
#include "core/read_input.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#ifndef BREAKWATER_VERSION
#define BREAKWATER_VERSION "0.0.0"
#endif

namespace {

namespace cli = breakwater::cli;

// strict, then every policy the catalog names.
std::vector<std::string> policies() {
  std::set<std::string> named;
  for (const breakwater::detail::FormatPlugin* f : breakwater::detail::formats()) {
    for (const std::string& p : breakwater::policies_of(f->name)) named.insert(p);
  }
  std::vector<std::string> out = {"strict"};
  out.insert(out.end(), named.begin(), named.end());
  return out;
}

// The options of a comparison, shared by `check` and `baseline write`.
struct CheckFlags {
  cli::CheckArgs args;
  std::map<std::string, std::vector<std::string>> format_options;
  std::vector<std::string> formats, outputs;
  CLI::Option* format = nullptr;
  CLI::Option* output = nullptr;
  cli::ResourceLimits limits;
};

// --time-limit and --memory-limit: flags only, since breakwater.yaml comes with the pull
// request it would bound.
void add_limit_options(CLI::App* cmd, cli::ResourceLimits& limits) {
  cmd->add_option("--time-limit", limits.seconds,
                  "Stop with exit 2 when the run takes over SECONDS (0 = no limit)")
      ->type_name("SECONDS")
      ->capture_default_str();
  cmd->add_option("--memory-limit", limits.memory_mib,
                  "Stop with exit 2 when the process grows past MIB mebibytes resident (0 = no "
                  "limit)")
      ->type_name("MIB")
      ->capture_default_str();
}

// Every format's own flags (--dialect, --ref-map, --compile-commands...), from the formats'
// declarations, into `values` by config key; turned into LoadOptions::format_options after
// parsing.
void add_format_options(CLI::App* cmd, std::map<std::string, std::vector<std::string>>& values) {
  for (const breakwater::detail::FormatPlugin* format : breakwater::detail::formats()) {
    for (const breakwater::detail::OptionSpec& spec : format->options) {
      if (spec.flag.empty()) continue;
      const std::string key(spec.key), value_name(spec.value_name);
      CLI::Option* op = cmd->add_option(std::string(spec.flag), values[key], std::string(spec.help));
      if (spec.shape == breakwater::detail::OptionShape::value) {
        op->expected(1);
      } else {
        op->allow_extra_args(false);
      }
      if (!spec.choices.empty()) {
        std::vector<std::string> choices(spec.choices.begin(), spec.choices.end());
        op->check(CLI::IsMember(choices));
      }
      if (spec.shape == breakwater::detail::OptionShape::map) {
        op->check(CLI::Validator(
            [value_name](std::string& item) -> std::string {
              const size_t eq = item.find('=');
              if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
                return "expected " + value_name + ", got '" + item + "'";
              return {};
            },
            value_name));
      }
    }
  }
}

// The parsed flag values (and the arguments after `--`, for the option that takes them).
void set_format_options(breakwater::LoadOptions& load,
                        const std::map<std::string, std::vector<std::string>>& values,
                        const std::vector<std::string>& trailing) {
  for (const auto& [key, items] : values) {
    if (!items.empty()) load.set(key, items);
  }
  if (trailing.empty()) return;
  for (const breakwater::detail::FormatPlugin* format : breakwater::detail::formats()) {
    for (const breakwater::detail::OptionSpec& spec : format->options) {
      if (spec.trailing_args) load.set(std::string(spec.key), trailing);
    }
  }
}

void add_check_options(CLI::App* cmd, CheckFlags& f, bool with_reports) {
  cli::CheckArgs& a = f.args;
  cmd->add_option("INPUTS", a.inputs,
                  "[OLD] NEW: a file or directory (" + breakwater::detail::lang_names() +
                      "), a FileDescriptorSet, or git:REF[:PATH]. With --against and no input, "
                      "every module of the repository")
      ->expected(0, 2);
  cmd->add_option("--against", a.run.against,
                  "Compare NEW (default: the whole repository) with this git branch, tag or "
                  "commit (main, origin/main, v1.4.0, HEAD~1)");
  cmd->add_option("--against-mode", a.run.against_mode,
                  "merge-base: a branch is compared at its merge base with HEAD, as a pull "
                  "request's diff is (the default; tags and commits are always exact); exact: "
                  "at the branch's tip")
      ->check(CLI::IsMember({"merge-base", "exact"}))
      ->capture_default_str();
  cmd->add_option("--config", a.run.config,
                  "breakwater.yaml or buf.yaml (default: found upward from NEW)");
  cmd->add_option("--lang", a.run.options.load.lang,
                  "Input language (" + breakwater::detail::lang_names() + "); detected when omitted");
  cmd->add_option("--use", a.run.options.use,
                  "Rule ids or categories to run (comma-separated; proto default: FILE)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd->add_option("--except", a.run.options.except,
                  "Rule ids or categories to leave out (comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd->add_option("--compat", a.run.options.compat, "Direction: backward, forward or full")
      ->check(CLI::IsMember({"backward", "forward", "full"}));
  cmd->add_option("--policy", a.run.options.policy,
                  "strict (the default) or a policy some rules go quiet under: lenient (JSON "
                  "Schema: readers ignore unknown properties)")
      ->check(CLI::IsMember(policies()));
  cmd->add_option(
         "-I,--include", a.run.options.load.include_paths,
         "Extra import directory: .proto import roots, C++ include directories (repeatable)")
      ->allow_extra_args(false);
  add_format_options(cmd, f.format_options);
  cmd->add_option("-j,--jobs", a.run.options.load.jobs, "Parser threads (0 = one per core)")
      ->capture_default_str();
  cmd->add_option_function<std::uintmax_t>(
         "--max-file-size",
         [&a](std::uintmax_t mib) { a.run.options.max_file_bytes = mib << 20; },
         "Refuse input files larger than MIB mebibytes (default " +
             std::to_string(breakwater::detail::kDefaultMaxFileBytes >> 20) + ")")
      ->type_name("MIB")
      ->check(CLI::Range(std::uintmax_t{1}, std::uintmax_t{1} << 20));
  add_limit_options(cmd, f.limits);
  if (!with_reports) return;
  cmd->add_option("--baseline", a.run.baseline,
                  "Hide findings recorded in FILE (see `breakwater baseline write`)");
  f.format = cmd->add_option("--format", f.formats,
                             "Report format (repeatable; each may be followed by its --output)")
                 ->check(CLI::IsMember(breakwater::report_formats()))
                 ->allow_extra_args(false);
  f.output = cmd->add_option("-o,--output", f.outputs,
                             "Write the preceding --format's report to FILE instead of stdout")
                 ->allow_extra_args(false);
  cmd->add_option("--fail-on", a.fail_on,
                  "Lowest severity that makes the exit status 1 (default: error)")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  cmd->add_option("--color", a.color, "Colour in text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

// Pairs each --output with the --format before it (an --output before any --format belongs to
// the first one), so `--format sarif --output a.sarif --format text` means what it says.
void pair_reports(const CLI::App* cmd, CheckFlags& f) {
  size_t next_format = 0, next_output = 0;
  std::vector<cli::ReportTarget>& reports = f.args.reports;
  bool pending_output = false;
  std::string early_output;
  for (const CLI::Option* op : cmd->parse_order()) {
    if (op == f.format) {
      reports.push_back({f.formats.at(next_format++), ""});
      if (pending_output) {
        reports.back().output = early_output;
        pending_output = false;
      }
    } else if (op == f.output) {
      const std::string& out = f.outputs.at(next_output++);
      if (reports.empty()) {
        if (pending_output)
          throw breakwater::InputError({}, "--output given twice before --format");
        early_output = out;
        pending_output = true;
      } else if (!reports.back().output.empty()) {
        throw breakwater::InputError({},
                                     "--output given twice for --format " + reports.back().format);
      } else {
        reports.back().output = out;
      }
    }
  }
  if (pending_output) reports.push_back({"text", early_output});
}

}  // namespace

int main(int argc, char** argv) {
  using breakwater::InputError;
  // Loaders' process-wide services (MariaDB's embedded server) end before main returns, on
  // every path, rather than racing the process's teardown.
  struct Release {
    ~Release() { breakwater::release_resources(); }
  } release;

  CLI::App app{
      "breakwater: stop unsafe schema upgrades before they merge.\n"
      "Exit status: 0 no finding at or above --fail-on, 1 breaking findings, 2 usage or input "
      "error."};
  app.set_version_flag("--version", std::string("breakwater ") + BREAKWATER_VERSION);
  app.require_subcommand(1);

  CheckFlags check;
  auto* check_cmd = app.add_subcommand(
      "check", "Compare OLD and NEW (or NEW and a git ref) and report breaking changes.");
  add_check_options(check_cmd, check, true);

  CheckFlags base;
  std::string baseline_file;
  auto* baseline_cmd =
      app.add_subcommand("baseline", "Record today's findings so that only new ones fail.");
  baseline_cmd->require_subcommand(1);
  auto* baseline_write = baseline_cmd->add_subcommand(
      "write", "Run a check and write every finding to FILE (use it with --baseline FILE).");
  baseline_write->add_option("FILE", baseline_file, "The baseline file to write")->required();
  add_check_options(baseline_write, base, false);
  baseline_write->add_option("--fail-on", base.args.fail_on, "Accepted and ignored");

  std::string init_path = "breakwater.yaml";
  bool init_force = false;
  auto* init_cmd = app.add_subcommand("init", "Write a commented breakwater.yaml starter.");
  init_cmd->add_option("PATH", init_path, "Where to write it")->capture_default_str();
  init_cmd->add_flag("--force", init_force, "Overwrite an existing file");

  std::string rules_lang, rules_format = "text";
  bool rules_list_formats = false;
  auto* rules_cmd = app.add_subcommand("rules", "List the rule catalog.");
  rules_cmd->add_option("--lang", rules_lang,
                        "Only rules of this language (" + breakwater::detail::lang_names() +
                            ", breakwater)");
  rules_cmd->add_flag("--list-formats", rules_list_formats,
                      "Print the formats the catalog covers, one per line");
  rules_cmd->add_option("--format", rules_format, "Listing format")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();

  std::string explain_id;
  auto* explain_cmd =
      app.add_subcommand("explain", "Explain one rule: why it breaks and what to do instead.");
  explain_cmd->add_option("RULE_ID", explain_id, "A rule id, e.g. FIELD_NO_DELETE")->required();

  std::string dump_path, dump_format = "json";
  breakwater::LoadOptions load;
  auto* dump_cmd = app.add_subcommand("dump", "Print the common model a loader builds from PATH.");
  dump_cmd->add_option("PATH", dump_path,
                       "A file or directory (" + breakwater::detail::lang_names() +
                           "), or a FileDescriptorSet")
      ->required();
  dump_cmd->add_option("--format", dump_format, "Output format")
      ->check(CLI::IsMember({"json"}))
      ->capture_default_str();
  dump_cmd->add_option("--lang", load.lang,
                       "Input language (" + breakwater::detail::lang_names() +
                           "); detected when omitted");
  dump_cmd
      ->add_option(
          "-I,--include", load.include_paths,
          "Extra import directory: .proto import roots, C++ include directories (repeatable)")
      ->allow_extra_args(false);
  std::map<std::string, std::vector<std::string>> dump_options;
  add_format_options(dump_cmd, dump_options);
  dump_cmd->add_option("-j,--jobs", load.jobs, "Parser threads (0 = one per core)");
  cli::ResourceLimits dump_limits;
  add_limit_options(dump_cmd, dump_limits);

  // C++ compile flags follow `--` (`breakwater check old new -- -DMYLIB_STATIC -std=c++20`),
  // as with clang tools; they are vetted like the config's.
  std::vector<std::string> args(argv + 1, argv + argc);
  std::vector<std::string> trailing_flags;
  if (const auto dash = std::find(args.begin(), args.end(), "--"); dash != args.end()) {
    trailing_flags.assign(dash + 1, args.end());
    args.erase(dash, args.end());
  }
  std::reverse(args.begin(), args.end());  // CLI11 takes them last-first
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "breakwater: error: " << e.what() << " (see --help)\n";
    return 2;
  }

  try {
    set_format_options(check.args.run.options.load, check.format_options, trailing_flags);
    set_format_options(base.args.run.options.load, base.format_options, trailing_flags);
    set_format_options(load, dump_options, trailing_flags);
    if (*check_cmd) {
      pair_reports(check_cmd, check);
      const cli::ResourceWatch watch(check.limits, cli::process_probe());
      return cli::run_check(std::move(check.args));
    }
    if (*baseline_write) {
      const cli::ResourceWatch watch(base.limits, cli::process_probe());
      return cli::run_baseline_write(std::move(base.args), baseline_file);
    }
    if (*init_cmd) return cli::run_init(init_path, init_force);
    if (*rules_cmd) return cli::run_rules(rules_lang, rules_format, rules_list_formats);
    if (*explain_cmd) return cli::run_explain(explain_id);
    if (*dump_cmd) {
      const cli::ResourceWatch watch(dump_limits, cli::process_probe());
      return cli::run_dump(dump_path, load);
    }
  } catch (const InputError& e) {
    std::cerr << e.one_line() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "breakwater: internal error: " << e.what() << "\n";
    return 2;
  }
  return 2;
}
