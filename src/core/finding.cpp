#include <breakwater/finding.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace breakwater {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

bool parse_severity(std::string_view text, Severity& out) {
  if (text == "error") {
    out = Severity::error;
  } else if (text == "warning") {
    out = Severity::warning;
  } else if (text == "info") {
    out = Severity::info;
  } else {
    return false;
  }
  return true;
}

void sort_and_dedupe(std::vector<Finding>& findings) {
  auto order = [](const Finding& f) {
    return std::tie(f.location.file, f.location.line, f.location.column, f.rule_id, f.message,
                    f.old_location.file, f.old_location.line, f.old_location.column);
  };
  std::sort(findings.begin(), findings.end(),
            [&](const Finding& a, const Finding& b) { return order(a) < order(b); });
  // One finding per change and place: the same rule and message at the same NEW location is
  // one finding, whatever OLD places led to it (an old anyOf's branches each reaching the same
  // new property); the first OLD location in sort order is kept.
  const auto same = [](const Finding& f) {
    return std::tie(f.location.file, f.location.line, f.location.column, f.rule_id, f.message);
  };
  findings.erase(std::unique(findings.begin(), findings.end(),
                             [&](const Finding& a, const Finding& b) { return same(a) == same(b); }),
                 findings.end());
}

}  // namespace breakwater

namespace breakwater {

void number_fingerprints(std::vector<Finding>& findings) {
  std::map<std::string, int> seen;
  for (Finding& f : findings) {
    const int n = ++seen[f.fingerprint];
    if (n > 1) f.fingerprint += ":" + std::to_string(n);
  }
}

}  // namespace breakwater
