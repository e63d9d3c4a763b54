// Reporters: projections of one CheckResult into text, JSON or SARIF.
#pragma once

#include <breakwater/check.hpp>
#include <breakwater/rules.hpp>

#include <string>

namespace breakwater {

struct ReportOptions {
  std::string format = "text";  // text | json | sarif
  bool color = false;           // text only: ANSI colour
  Severity fail_on = Severity::error;
  bool fail_never = false;
};

// Exit status for a result: 1 when some finding is at or above the threshold, else 0.
int exit_status(const CheckResult& result, const ReportOptions& options);
std::string render(const CheckResult& result, const ReportOptions& options);
// The formats render() understands.
const std::vector<std::string>& report_formats();
// Catalog entries as a JSON array (for `breakwater rules --format json`).
std::string rules_json(const std::vector<const RuleInfo*>& rules);
// The common model as JSON (for `breakwater dump`).
std::string dump_json(const Schema& schema);

}  // namespace breakwater
