// The public face of the reporters: format dispatch and the exit status, which depends on the
// findings and --fail-on only, never on the format.
#include <breakwater/report.hpp>

#include "report/reporters.hpp"

namespace breakwater {

int exit_status(const CheckResult& result, const ReportOptions& options) {
  for (const Finding& f : result.findings) {
    if (detail::fails(f, options)) return 1;
  }
  return 0;
}

const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> formats = {"text",   "json",  "sarif",   "github",
                                                   "gitlab", "junit", "markdown"};
  return formats;
}

std::string render(const CheckResult& result, const ReportOptions& options) {
  const std::string& f = options.format;
  if (f == "json") return detail::render_json(result, options);
  if (f == "sarif") return detail::render_sarif(result, options);
  if (f == "github") return detail::render_github(result, options);
  if (f == "gitlab") return detail::render_gitlab(result, options);
  if (f == "junit") return detail::render_junit(result, options);
  if (f == "markdown") return detail::render_markdown(result, options);
  return detail::render_text(result, options);
}

}  // namespace breakwater
