// Markdown for a pull-request comment or a GitHub job summary: a hidden marker a bot can find to
// update its previous comment, a verdict heading, a table of the unsuppressed findings (most
// severe first), a <details> block per finding, and a footer. Everything taken from input is
// escaped: `|` and newlines would break the table, and `<`, `>`, `&` would turn names such as
// `std::vector<int>` into tags.
#include "report/reporters.hpp"

#ifndef BREAKWATER_VERSION
#define BREAKWATER_VERSION "0.0.0"
#endif

namespace breakwater::detail {
namespace {

constexpr std::string_view kMarker = "<!-- breakwater-report -->\n";

// Also drops control characters other than tab and line breaks: they have no place in a comment.
std::string html(std::string_view text) {
  std::string kept;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') kept += c;
  }
  return escape_chars(kept, {{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}});
}

// Text inside a table cell: HTML-escaped, pipes escaped, line breaks as <br>.
std::string cell(std::string_view text) {
  std::string out;
  const std::string escaped = html(text);
  for (size_t i = 0; i < escaped.size(); ++i) {
    const char c = escaped[i];
    if (c == '|') {
      out += "\\|";
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < escaped.size() && escaped[i + 1] == '\n') ++i;
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

// A code span shows its content literally (no HTML escaping needed, and none would be undone);
// a backtick inside needs a longer fence. In a table, `\|` still has to stand for `|`.
std::string code(std::string_view raw, bool in_table) {
  std::string text;
  for (char c : raw) text += (c == '\n' || c == '\r') ? ' ' : c;
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`' ||
                                     (text.front() == ' ' && text.back() == ' '));
  std::string body;
  for (char c : text) {
    if (in_table && c == '|') {
      body += "\\|";
    } else {
      body += c;
    }
  }
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

// Inside raw HTML (the <summary> line) Markdown is not parsed: use <code> and entities.
std::string html_code(std::string_view raw) {
  std::string text;
  for (char c : raw) text += (c == '\n' || c == '\r') ? ' ' : c;
  return "<code>" + html(text) + "</code>";
}

std::string icon(Severity s) {
  return s == Severity::error ? "\u274C" : s == Severity::warning ? "\u26A0\uFE0F" : "\u2139\uFE0F";
}

std::string count(int n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string heading(const CheckResult& result, const ReportOptions& options, const Tally& t) {
  std::string out = "### Breakwater: ";
  out +=
      t.error == 0 ? "no breaking changes" : count(t.error, "breaking change", "breaking changes");
  if (t.active() == 0) {
    if (t.suppressed > 0) out += " (" + std::to_string(t.suppressed) + " suppressed)";
    return out + "\n";
  }
  if (t.warning > 0) out += ", " + count(t.warning, "warning", "warnings");
  if (t.info > 0) out += ", " + std::to_string(t.info) + " info";
  if (t.suppressed > 0) out += ", " + std::to_string(t.suppressed) + " suppressed";
  out += exit_status(result, options) != 0 ? " \u2014 fails" : " \u2014 passes";
  return out + " (--fail-on " + fail_on_text(options) + ")\n";
}

std::string row(const Finding& f) {
  std::string where = f.location.known() ? code(f.location.text(), true) : "\u2014";
  if (!f.entity.empty()) where += "<br>" + code(f.entity, true);
  const std::string was = f.old_location.known() ? code(f.old_location.text(), true) : "\u2014";
  return "| " + icon(f.severity) + " | [" + code(f.rule_id, true) + "](" + rule_help_uri(f) +
         ") | " + where + " | " + cell(f.message) + " | " + was + " |\n";
}

std::string details(const Finding& f) {
  const RuleInfo rule = rule_of(f);
  std::string out = "<details><summary>" + icon(f.severity) + " " + html_code(f.rule_id);
  if (!f.entity.empty()) out += " " + html_code(f.entity);
  out += "</summary>\n\n";
  if (!rule.why.empty()) out += "**Why it breaks.** " + html(rule.why) + "\n\n";
  if (!f.fix.empty()) out += "**How to evolve safely.** " + html(f.fix) + "\n\n";
  out += "[Rule reference](" + help_uri(rule) + ")\n\n</details>\n\n";
  return out;
}

std::string footer(const CheckResult& result) {
  std::string out = "\n---\n<sub>breakwater " BREAKWATER_VERSION;
  if (!result.old_input.empty() || !result.new_input.empty()) {
    out += " \u00B7 compared " + code(result.old_input, false) + " \u2192 " +
           code(result.new_input, false);
  }
  out +=
      " \u00B7 to suppress a finding, put `// breakwater:ignore RULE_ID reason` on the line "
      "before it; to accept all current findings, record them with `--baseline`</sub>\n";
  return out;
}

std::string more_line(size_t n) {
  return "\n\u2026and " + std::to_string(n) + " more; see the SARIF/JSON artifact\n";
}

}  // namespace

std::string render_markdown(const CheckResult& result, const ReportOptions& options,
                            size_t max_bytes) {
  const Tally t = tally(result);
  std::string out = std::string(kMarker) + heading(result, options, t);
  // What was compared, under the heading, so that a pass says what it passed.
  if (!result.compared.empty()) {
    out += "\n";
    for (const ComparedModule& m : result.compared) {
      out += "<sub>Compared " + html(compared_text(m)) + "</sub><br>\n";
    }
    for (const std::string& n : result.not_compared) {
      out += "<sub>Not compared: " + html(n) + "</sub><br>\n";
    }
  }
  if (t.active() == 0) return out;

  const std::vector<const Finding*> findings = by_severity(result);
  const std::string table_head =
      "\n| | Rule | Where (new) | Change | Was (old) |\n|---|---|---|---|---|\n";
  const std::string tail = footer(result);
  // Counted in bytes, never fewer than characters: under the limit in bytes is under it in
  // characters too.
  const size_t fixed =
      out.size() + table_head.size() + tail.size() + more_line(findings.size()).size() + 1;
  const size_t budget = max_bytes > fixed ? max_bytes - fixed : 0;
  std::string rows, blocks;
  size_t shown = 0;
  for (const Finding* f : findings) {
    std::string r = row(*f);
    std::string d = details(*f);
    if (rows.size() + blocks.size() + r.size() + d.size() > budget) break;
    rows += r;
    blocks += d;
    ++shown;
  }
  out += table_head + rows;
  if (shown < findings.size()) out += more_line(findings.size() - shown);
  if (!blocks.empty()) out += "\n" + blocks;
  return out + tail;
}

}  // namespace breakwater::detail
