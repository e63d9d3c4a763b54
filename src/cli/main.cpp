// Argument parsing only; every subcommand lives in commands.cpp.
#include "cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#ifndef BREAKWATER_VERSION
#define BREAKWATER_VERSION "0.0.0"
#endif

namespace {

namespace cli = breakwater::cli;

// The options of a comparison, shared by `check` and `baseline write`.
struct CheckFlags {
  cli::CheckArgs args;
  std::vector<std::string> formats, outputs;
  CLI::Option* format = nullptr;
  CLI::Option* output = nullptr;
};

// `--ref-map URI=PATH` (repeatable) into `map`.
void add_ref_map_option(CLI::App* cmd, std::map<std::string, std::string>& map) {
  cmd->add_option_function<std::vector<std::string>>(
         "--ref-map",
         [&map](const std::vector<std::string>& items) {
           for (const std::string& item : items) {
             const size_t eq = item.find('=');
             if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
               throw CLI::ValidationError("--ref-map", "expected URI=PATH, got '" + item + "'");
             }
             map[item.substr(0, eq)] = item.substr(eq + 1);
           }
         },
         "JSON Schema: read a remote $ref URI (or URI prefix ending in /) from this local file "
         "or directory, as URI=PATH (repeatable; nothing is fetched)")
      ->allow_extra_args(false);
}

void add_cpp_options(CLI::App* cmd, breakwater::LoadOptions& load) {
  cmd->add_option("--compile-commands", load.compile_commands,
                  "C++: compile_commands.json; the flags of its entry nearest the headers are "
                  "used (compile flags may also follow `--`)");
  cmd->add_option("--exclude", load.exclude,
                  "C++: a header or directory not parsed on its own and not reported "
                  "(repeatable)")
      ->allow_extra_args(false);
}

void add_check_options(CLI::App* cmd, CheckFlags& f, bool with_reports) {
  cli::CheckArgs& a = f.args;
  cmd->add_option("INPUTS", a.inputs,
                  "[OLD] NEW: a .proto file, a directory, a FileDescriptorSet, or git:REF[:PATH]. "
                  "With --against and no input, every module of the repository")
      ->expected(0, 2);
  cmd->add_option("--against", a.run.against,
                  "Compare NEW (default: the whole repository) with this git branch, tag or "
                  "commit (main, origin/main, v1.4.0, HEAD~1)");
  cmd->add_option("--config", a.run.config,
                  "breakwater.yaml or buf.yaml (default: found upward from NEW)");
  cmd->add_option("--lang", a.run.options.load.lang,
                  "Input language (proto, sql, jsonschema, cpp); detected when omitted");
  cmd->add_option("--use", a.run.options.use,
                  "Rule ids or categories to run (comma-separated; proto default: FILE)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd->add_option("--except", a.run.options.except,
                  "Rule ids or categories to leave out (comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd->add_option("--dialect", a.run.options.load.dialect,
                  "SQL dialect: postgres or sqlite (default: by file name, *.sqlite.sql is SQLite)")
      ->check(CLI::IsMember({"postgres", "sqlite"}));
  cmd->add_option("--compat", a.run.options.compat, "Direction: backward, forward or full")
      ->check(CLI::IsMember({"backward", "forward", "full"}));
  cmd->add_option("--policy", a.run.options.policy,
                  "JSON Schema: strict (validation, default) or lenient (readers ignore unknown "
                  "properties)")
      ->check(CLI::IsMember({"strict", "lenient"}));
  cmd->add_option(
         "-I,--include", a.run.options.load.include_paths,
         "Extra import directory: .proto import roots, C++ include directories (repeatable)")
      ->allow_extra_args(false);
  add_ref_map_option(cmd, a.run.options.load.ref_map);
  add_cpp_options(cmd, a.run.options.load);
  cmd->add_option("-j,--jobs", a.run.options.load.jobs, "Parser threads (0 = one per core)")
      ->capture_default_str();
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
  auto* rules_cmd = app.add_subcommand("rules", "List the rule catalog.");
  rules_cmd->add_option("--lang", rules_lang, "Only rules of this language (proto)");
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
  dump_cmd->add_option("PATH", dump_path, "A .proto file, a directory, or a FileDescriptorSet")
      ->required();
  dump_cmd->add_option("--format", dump_format, "Output format")
      ->check(CLI::IsMember({"json"}))
      ->capture_default_str();
  dump_cmd->add_option("--lang", load.lang,
                       "Input language (proto, sql, jsonschema, cpp); detected when omitted");
  dump_cmd
      ->add_option(
          "-I,--include", load.include_paths,
          "Extra import directory: .proto import roots, C++ include directories (repeatable)")
      ->allow_extra_args(false);
  add_ref_map_option(dump_cmd, load.ref_map);
  add_cpp_options(dump_cmd, load);
  dump_cmd->add_option("-j,--jobs", load.jobs, "Parser threads (0 = one per core)");

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

  for (breakwater::LoadOptions* lo :
       {&check.args.run.options.load, &base.args.run.options.load, &load}) {
    lo->compile_flags = trailing_flags;
  }
  try {
    if (*check_cmd) {
      pair_reports(check_cmd, check);
      return cli::run_check(std::move(check.args));
    }
    if (*baseline_write) return cli::run_baseline_write(std::move(base.args), baseline_file);
    if (*init_cmd) return cli::run_init(init_path, init_force);
    if (*rules_cmd) return cli::run_rules(rules_lang, rules_format);
    if (*explain_cmd) return cli::run_explain(explain_id);
    if (*dump_cmd) return cli::run_dump(dump_path, load);
  } catch (const InputError& e) {
    std::cerr << e.one_line() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "breakwater: internal error: " << e.what() << "\n";
    return 2;
  }
  return 2;
}
