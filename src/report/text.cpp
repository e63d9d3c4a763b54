// Compiler-style text: `path:line:col: error[RULE]: message`, then indented old/why/fix/see
// lines, a blank line between files, and one footer line with the counts and the exit status.
// Suppressed findings are only counted.
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

std::string finding_text(const Finding& f, bool color, bool explain) {
  const Paint paint{color};
  const std::string_view sev = to_string(f.severity);
  const char* colour = f.severity == Severity::error     ? "1;31"
                       : f.severity == Severity::warning ? "1;33"
                                                         : "1;36";
  // Colour wraps whole fields, never the inside of one, so the line still parses when coloured.
  std::string out = paint("1", f.location.text() + ":") + " " +
                    paint(colour, std::string(sev) + "[" + f.rule_id + "]") + ": " + f.message +
                    "\n";
  if (shows_old(f)) out += "    " + paint("2", "old:") + " " + f.old_location.text() + "\n";
  if (explain) {
    const std::string why = rule_of(f).why;
    if (!why.empty()) out += "    " + paint("2", "why:") + " " + why + "\n";
  }
  if (!f.fix.empty()) out += "    " + paint("2", "fix:") + " " + f.fix + "\n";
  if (explain) out += "    " + paint("2", "see:") + " " + rule_help_uri(f) + "\n";
  return out;
}

std::string render_text(const CheckResult& result, const ReportOptions& options) {
  std::string out;
  const std::string* previous_file = nullptr;
  for (const Finding& f : result.findings) {
    if (f.suppressed) continue;
    if (previous_file != nullptr && *previous_file != f.location.file) out += "\n";
    previous_file = &f.location.file;
    out += finding_text(f, options.color, true);
  }
  // What was compared, so that a pass says what it passed.
  if (!result.compared.empty() && previous_file != nullptr) out += "\n";
  for (const ComparedModule& m : result.compared) out += "Compared " + compared_text(m) + "\n";
  for (const std::string& n : result.not_compared) out += "Not compared: " + n + "\n";
  const Tally t = tally(result);
  const std::string suppressed =
      t.suppressed > 0 ? " (" + std::to_string(t.suppressed) + " suppressed)" : "";
  if (t.active() == 0) {
    out += "No breaking changes (" + plural(static_cast<int>(result.rules_run.size()), "check") +
           (t.suppressed > 0 ? ", " + std::to_string(t.suppressed) + " suppressed" : "") + ")\n";
    return out;
  }
  const int status = exit_status(result, options);
  out += (result.compared.empty() ? "\n" : "") + plural(t.error, "error") + ", " + plural(t.warning, "warning") + ", " +
         std::to_string(t.info) + " info" + suppressed + " — exit " + std::to_string(status) +
         ": " +
         (options.fail_never ? std::string("--fail-on never")
          : status == 1      ? "findings at or above --fail-on " + fail_on_text(options)
                             : "nothing at or above --fail-on " + fail_on_text(options)) +
         "\n";
  return out;
}

}  // namespace breakwater::detail
