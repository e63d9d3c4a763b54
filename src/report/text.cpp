// Compiler-style text: `path:line:col: error[RULE]: message`, then indented old/fix lines, a
// blank line between files, and one summary line.
#include "report/reporters.hpp"

namespace breakwater::detail {
namespace {

struct Paint {
  bool on;
  std::string operator()(std::string_view code, std::string_view text) const {
    if (!on) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }
};

std::string plural(int n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

}  // namespace

std::string render_text(const CheckResult& result, const ReportOptions& options) {
  const Paint paint{options.color};
  std::string out;
  const std::string* previous_file = nullptr;
  for (const Finding& f : result.findings) {
    if (previous_file != nullptr && *previous_file != f.location.file) out += "\n";
    previous_file = &f.location.file;
    const std::string_view sev = to_string(f.severity);
    const char* colour = f.severity == Severity::error     ? "1;31"
                         : f.severity == Severity::warning ? "1;33"
                                                           : "1;36";
    out += paint("1", f.location.text() + ":") + " " +
           paint(colour, std::string(sev) + "[" + f.rule_id + "]") + ": " + f.message + "\n";
    const bool old_is_anchor =
        f.old_location.file == f.location.file && f.old_location.line == f.location.line;
    if (f.old_location.known() && !old_is_anchor) {
      out += "    " + paint("2", "old:") + " " + f.old_location.text() + "\n";
    }
    if (!f.fix.empty()) out += "    " + paint("2", "fix:") + " " + f.fix + "\n";
  }
  const Tally t = tally(result);
  if (!result.findings.empty()) out += "\n";
  const std::string checked =
      plural(static_cast<int>(result.rules_run.size()), "rule") + " checked";
  if (result.findings.empty()) {
    out += "breakwater: no breaking changes (" + checked + ").\n";
  } else {
    std::string counts = plural(t.error, "error");
    if (t.warning > 0) counts += ", " + plural(t.warning, "warning");
    if (t.info > 0) counts += ", " + std::to_string(t.info) + " info";
    out += "breakwater: " + plural(static_cast<int>(result.findings.size()), "breaking change") +
           " (" + counts + ") in " + plural(t.files, "file") + " (" + checked + ").\n";
  }
  return out;
}

}  // namespace breakwater::detail
