// The individual projections behind render(); one file each, plus the few facts they share
// (common.cpp) so that every format counts, orders and locates findings the same way.
#pragma once

#include <breakwater/report.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace breakwater::detail {

std::string render_text(const CheckResult& result, const ReportOptions& options);
std::string render_json(const CheckResult& result, const ReportOptions& options);
std::string render_sarif(const CheckResult& result, const ReportOptions& options);
std::string render_github(const CheckResult& result, const ReportOptions& options);
std::string render_gitlab(const CheckResult& result, const ReportOptions& options);
std::string render_junit(const CheckResult& result, const ReportOptions& options);
// `max_bytes` bounds the whole document (a PR comment holds 65,536 characters, a step summary
// 1 MiB); rows that would pass it are replaced by one "…and N more" line.
constexpr size_t kMarkdownCommentLimit = 65536;
std::string render_markdown(const CheckResult& result, const ReportOptions& options,
                            size_t max_bytes = kMarkdownCommentLimit);

// The compiler-style block of the text format for one finding: the `path:L:C: sev[RULE]: msg`
// line, then indented `old:`, (`why:`), `fix:`, (`see:`) lines. `explain` adds why and see.
std::string finding_text(const Finding& f, bool color, bool explain);

// GitHub's primaryLocationLineHash for every line of `text` (UTF-8): element i is line i+1.
std::vector<std::string> line_hashes(std::string_view text);

// Counts of the findings that count (unsuppressed) per severity, plus the suppressed ones.
struct Tally {
  int error = 0, warning = 0, info = 0, suppressed = 0, files = 0;
  int active() const { return error + warning + info; }
};
Tally tally(const CheckResult& result);

// One compared module in words, the same in every format: "old → new as sql: 1 → 1 files,
// 29 rules (BREAKING, DESTRUCTIVE, LOCKING; except COLUMN_NO_DELETE); config breakwater.yaml".
std::string compared_text(const ComparedModule& m);

// The catalog entry of a finding's rule, or a minimal stand-in built from the finding when the
// catalog does not know the rule, so reporters never have to special-case a missing entry.
RuleInfo rule_of(const Finding& f);
std::string rule_help_uri(const Finding& f);
// The unsuppressed findings, errors first, then warnings, then info; sort order within each.
std::vector<const Finding*> by_severity(const CheckResult& result);
// Whether the finding makes the run fail (what exit_status() counts).
bool fails(const Finding& f, const ReportOptions& options);
// We know where an element starts, not where it ends: every format reports a one-character span,
// end_line = line and end_column = column + 1 (exclusive), or nothing when the column is unknown.
inline uint32_t end_column(const Location& l) {
  return l.column > 0 ? l.column + 1 : 0;
}
// The OLD place, when it adds something to the NEW one (not the same file and line).
bool shows_old(const Finding& f);
// "error", "warning", "info" or "never", as given to --fail-on.
std::string fail_on_text(const ReportOptions& options);
// Replaces each character that has an entry in `table` by its replacement.
std::string escape_chars(std::string_view text,
                         std::initializer_list<std::pair<char, std::string_view>> table);
// Text made safe for formats that demand valid UTF-8: bad bytes become U+FFFD.
std::string valid_utf8(std::string_view text);

}  // namespace breakwater::detail
