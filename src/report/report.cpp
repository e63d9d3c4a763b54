#include <breakwater/report.hpp>

#include "report/reporters.hpp"

#include <set>

namespace breakwater {

int exit_status(const CheckResult& result, const ReportOptions& options) {
  if (options.fail_never) return 0;
  for (const Finding& f : result.findings) {
    if (f.severity >= options.fail_on) return 1;
  }
  return 0;
}

const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> formats = {"text", "json", "sarif"};
  return formats;
}

std::string render(const CheckResult& result, const ReportOptions& options) {
  if (options.format == "json") return detail::render_json(result, options);
  if (options.format == "sarif") return detail::render_sarif(result, options);
  return detail::render_text(result, options);
}

namespace detail {

Tally tally(const CheckResult& result) {
  Tally t;
  std::set<std::string> files;
  for (const Finding& f : result.findings) {
    (f.severity == Severity::error     ? t.error
     : f.severity == Severity::warning ? t.warning
                                       : t.info)++;
    files.insert(f.location.file);
  }
  t.files = static_cast<int>(files.size());
  return t;
}

}  // namespace detail
}  // namespace breakwater
