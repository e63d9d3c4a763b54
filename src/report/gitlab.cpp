// GitLab Code Quality: a JSON array of issues (`[]` when clean) that the merge request widget
// compares by fingerprint with the target branch's report. Suppressed findings are left out.
#include "report/reporters.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace breakwater::detail {
namespace {

using Json = nlohmann::ordered_json;

std::string gitlab_severity(Severity s) {
  return s == Severity::error ? "major" : s == Severity::warning ? "minor" : "info";
}

Json location_json(const Location& l) {
  // GitLab needs a path; a finding with none (the core anchors every finding, so this is a
  // defect elsewhere) is pinned to the repository root rather than dropped.
  Json out = {{"path", l.known() ? l.file : std::string(".")}};
  if (l.line > 0 && l.column > 0) {
    out["positions"] = {{"begin", {{"line", l.line}, {"column", l.column}}}};
  } else {
    out["lines"] = {{"begin", std::max<uint32_t>(l.line, 1)}};
  }
  return out;
}

std::string body(const Finding& f, const RuleInfo& rule) {
  std::string text;
  if (!rule.why.empty()) text += "**Why it breaks.** " + rule.why + "\n\n";
  if (!f.fix.empty()) text += "**Instead.** " + f.fix + "\n\n";
  return text + "See " + help_uri(rule);
}

}  // namespace

std::string render_gitlab(const CheckResult& result, const ReportOptions&) {
  Json issues = Json::array();
  std::set<std::string> used;
  for (const Finding& f : result.findings) {
    if (f.suppressed) continue;
    const RuleInfo rule = rule_of(f);
    std::string description = f.message.empty() ? rule.summary : f.message;
    if (shows_old(f)) description += " (old: " + f.old_location.text() + ")";
    // Fingerprints are unique per report already; this only guards the widget, which shows
    // one of two equal fingerprints, against a future source of duplicates.
    std::string fingerprint = f.fingerprint;
    for (int n = 2; !used.insert(fingerprint).second; ++n) {
      fingerprint = f.fingerprint + ":" + std::to_string(n);
    }
    issues.push_back({{"type", "issue"},
                      {"description", description},
                      {"check_name", "breakwater/" + f.rule_id},
                      {"fingerprint", fingerprint},
                      {"severity", gitlab_severity(f.severity)},
                      // Code Climate's fixed category list; our own categories are in the body.
                      {"categories", Json::array({"Compatibility"})},
                      {"location", location_json(f.location)},
                      {"content", {{"body", body(f, rule)}}}});
  }
  return issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace breakwater::detail
