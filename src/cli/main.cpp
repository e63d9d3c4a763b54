// Argument parsing only; every subcommand lives in commands.cpp.
#include "cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#ifndef BREAKWATER_VERSION
#define BREAKWATER_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using breakwater::InputError;
  namespace cli = breakwater::cli;

  CLI::App app{
      "breakwater: stop unsafe schema upgrades before they merge.\n"
      "Exit status: 0 no finding at or above --fail-on, 1 breaking findings, 2 usage or input "
      "error."};
  app.set_version_flag("--version", std::string("breakwater ") + BREAKWATER_VERSION);
  app.require_subcommand(1);

  cli::CheckArgs check;
  std::string lang;
  std::vector<std::string> includes;
  unsigned jobs = 0;
  auto* check_cmd = app.add_subcommand("check", "Compare OLD and NEW and report breaking changes.");
  check_cmd
      ->add_option("OLD", check.old_path,
                   "The previous version: a .proto file, a directory, or a FileDescriptorSet")
      ->required();
  check_cmd->add_option("NEW", check.new_path, "The candidate version, same kinds as OLD")
      ->required();
  check_cmd->add_option("--lang", lang, "Input language (proto); detected when omitted");
  check_cmd
      ->add_option("--use", check.options.use,
                   "Rule ids or categories to run (comma-separated; proto default: FILE)")
      ->delimiter(',');
  check_cmd
      ->add_option("--except", check.options.except,
                   "Rule ids or categories to leave out (comma-separated)")
      ->delimiter(',');
  check_cmd->add_option("--format", check.format, "Report format")
      ->check(CLI::IsMember(breakwater::report_formats()))
      ->capture_default_str();
  check_cmd->add_option("-o,--output", check.output, "Write the report to FILE instead of stdout");
  check_cmd->add_option("--fail-on", check.fail_on, "Lowest severity that makes the exit status 1")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  check_cmd->add_option("--color", check.color, "Colour in text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  check_cmd->add_option("-I,--include", includes,
                        "Extra import directory for .proto inputs (repeatable)");
  check_cmd->add_option("-j,--jobs", jobs, "Parser threads (0 = one per core)")
      ->capture_default_str();

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
  auto* dump_cmd = app.add_subcommand("dump", "Print the common model a loader builds from PATH.");
  dump_cmd->add_option("PATH", dump_path, "A .proto file, a directory, or a FileDescriptorSet")
      ->required();
  dump_cmd->add_option("--format", dump_format, "Output format")
      ->check(CLI::IsMember({"json"}))
      ->capture_default_str();
  dump_cmd->add_option("--lang", lang, "Input language (proto); detected when omitted");
  dump_cmd->add_option("-I,--include", includes, "Extra import directory (repeatable)");
  dump_cmd->add_option("-j,--jobs", jobs, "Parser threads (0 = one per core)");

  try {
    app.parse(argc, argv);
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
    breakwater::LoadOptions load;
    load.lang = lang;
    load.include_paths = includes;
    load.jobs = jobs;
    if (*check_cmd) {
      check.options.load = load;
      return cli::run_check(check);
    }
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
