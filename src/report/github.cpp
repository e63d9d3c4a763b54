// GitHub Actions workflow commands (`::error file=…,line=…,title=RULE::message`), one per
// unsuppressed finding, most severe first. Nothing else goes to stdout: the runner would print
// any other line into the log as is.
#include "report/reporters.hpp"

namespace breakwater::detail {
namespace {

// GitHub shows 10 annotations of each kind per step and drops the rest without a word.
constexpr int kShownPerKind = 10;

std::string escape_data(std::string_view text) {
  return escape_chars(text, {{'%', "%25"}, {'\r', "%0D"}, {'\n', "%0A"}});
}

std::string escape_property(std::string_view text) {
  return escape_chars(escape_data(text), {{':', "%3A"}, {',', "%2C"}});
}

// Cuts an escaped property value to `limit` bytes without splitting a %XX escape or a UTF-8
// sequence (the runner would decode either into garbage).
std::string clip_escaped(std::string text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t cut = limit;
  if (cut >= 1 && text[cut - 1] == '%') {
    cut -= 1;
  } else if (cut >= 2 && text[cut - 2] == '%') {
    cut -= 2;
  }
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

const char* command(Severity s) {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "notice";
}

std::string annotation(const Finding& f) {
  std::string props;
  const Location& l = f.location;
  if (l.known()) {
    props += "file=" + escape_property(l.file);
    if (l.line > 0) {
      const std::string line = std::to_string(l.line);
      props += ",line=" + line + ",endLine=" + line;
      if (l.column > 0) {
        props += ",col=" + std::to_string(l.column) + ",endColumn=" + std::to_string(end_column(l));
      }
    }
    props += ",";
  }
  props += "title=" + clip_escaped(escape_property(f.rule_id), 255);
  std::string message = f.message;
  if (shows_old(f)) message += "\nbase: " + f.old_location.text();
  if (!f.fix.empty()) message += "\nfix: " + f.fix;
  return "::" + std::string(command(f.severity)) + " " + props + "::" + escape_data(message) + "\n";
}

}  // namespace

std::string render_github(const CheckResult& result, const ReportOptions&) {
  const std::vector<const Finding*> findings = by_severity(result);
  int count[3] = {0, 0, 0};
  for (const Finding* f : findings) ++count[static_cast<int>(f->severity)];
  // The closing notice is itself a notice: keep room for it among the ten GitHub shows.
  const bool overflow =
      count[0] > kShownPerKind || count[1] > kShownPerKind || count[2] > kShownPerKind;
  int limit[3] = {overflow ? kShownPerKind - 1 : kShownPerKind, kShownPerKind, kShownPerKind};
  std::string out;
  int hidden = 0;
  for (const Finding* f : findings) {
    int& left = limit[static_cast<int>(f->severity)];
    if (left == 0) {
      ++hidden;
      continue;
    }
    --left;
    out += annotation(*f);
  }
  if (hidden > 0) {
    out += "::notice title=breakwater::" + std::to_string(hidden) + " more finding" +
           (hidden == 1 ? "" : "s") +
           " not shown (GitHub shows 10 annotations per severity per step); see the job summary "
           "or the SARIF/JSON report\n";
  }
  return out;
}

}  // namespace breakwater::detail
