// Reporters: projections of one CheckResult into text, JSON or SARIF.
#pragma once

#include <breakwater/check.hpp>
#include <breakwater/rules.hpp>

#include <string>

namespace breakwater {

struct ReportOptions {
  std::string format = "text";  // one of report_formats()
  bool color = false;           // text only: ANSI colour
  Severity fail_on = Severity::error;
  bool fail_never = false;
  // Directory that finding paths are relative to, for reporters that read NEW files (SARIF's
  // line hash). Empty: the current directory.
  std::string source_root;
};

// Exit status for a result: 1 when some unsuppressed finding is at or above the threshold.
int exit_status(const CheckResult& result, const ReportOptions& options);
std::string render(const CheckResult& result, const ReportOptions& options);
// Side outputs of `--format github` inside GitHub Actions: appends the Markdown summary to
// $GITHUB_STEP_SUMMARY and errors=/warnings=/infos= to $GITHUB_OUTPUT when those are set.
void write_github_side_outputs(const CheckResult& result, const ReportOptions& options);
// The formats render() understands.
const std::vector<std::string>& report_formats();
// Catalog entries as a JSON array (for `breakwater rules --format json`).
std::string rules_json(const std::vector<const RuleInfo*>& rules);
// The common model as JSON (for `breakwater dump`).
std::string dump_json(const Schema& schema);

}  // namespace breakwater
