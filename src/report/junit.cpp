// JUnit XML for test-report widgets (GitLab, Jenkins, Azure): one testsuite per format, one
// testcase per unsuppressed finding, failing when the finding fails the run, plus one passing
// testcase per rule that ran clean. Names are rule + entity, never lines, because GitLab
// compares test names between the base and the head pipeline.
#include "report/reporters.hpp"

#include <map>
#include <set>

namespace breakwater::detail {
namespace {

// Escapes for element text and attribute values alike; drops what XML 1.0 cannot hold at all
// (control characters other than tab, LF and CR; U+FFFE and U+FFFF). Newlines in attributes are
// written as references so that parsers do not normalise them into spaces.
std::string xml(std::string_view raw, bool attribute) {
  const std::string text = valid_utf8(raw);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (text.compare(i, 3, "\xEF\xBF\xBE") == 0 || text.compare(i, 3, "\xEF\xBF\xBF") == 0) {
      i += 2;
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      default:
        out += c;
    }
  }
  return out;
}

struct Case {
  std::string name;
  std::string file;
  const Finding* finding = nullptr;  // null: a rule that ran without a finding
  bool failed = false;
};

struct Suite {
  std::vector<Case> cases;
  int failures = 0;
  int suppressed = 0;
};

std::string case_name(const Finding& f) {
  if (!f.entity.empty()) return f.rule_id + " " + f.entity;
  return f.rule_id + " " + (f.location.known() ? f.location.file : f.message);
}

}  // namespace

std::string render_junit(const CheckResult& result, const ReportOptions& options) {
  std::map<std::string, Suite> suites;
  for (const std::string& format : result.formats) suites[format];
  if (result.formats.empty() && !result.format.empty() && result.format != "all") {
    suites[result.format];
  }
  std::set<std::string> rules_with_findings;
  std::set<std::pair<std::string, std::string>> names;  // (suite, name): GitLab keeps the first
  for (const Finding& f : result.findings) {
    Suite& suite = suites[f.format];
    if (f.suppressed) {
      ++suite.suppressed;
      continue;
    }
    rules_with_findings.insert(f.rule_id);
    std::string name = case_name(f);
    for (int n = 2; !names.emplace(f.format, name).second; ++n) {
      name = case_name(f) + " #" + std::to_string(n);
    }
    Case c{name, f.location.file, &f, fails(f, options)};
    if (c.failed) ++suite.failures;
    suite.cases.push_back(std::move(c));
  }
  for (const std::string& id : result.rules_run) {
    if (rules_with_findings.contains(id)) continue;
    const RuleInfo* rule = find_rule(id);
    const std::string format = rule != nullptr ? rule->format : result.format;
    if (!names.emplace(format, id).second) continue;
    suites[format].cases.push_back(Case{id, "", nullptr, false});
  }

  int tests = 0, failures = 0;
  for (const auto& [format, suite] : suites) {
    tests += static_cast<int>(suite.cases.size());
    failures += suite.failures;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"breakwater\" tests=\"" + std::to_string(tests) + "\" failures=\"" +
         std::to_string(failures) + "\" errors=\"0\" time=\"0\">\n";
  for (const auto& [format, suite] : suites) {
    const std::string classname = xml("breakwater." + format, true);
    out += "  <testsuite name=\"" + classname + "\" tests=\"" + std::to_string(suite.cases.size()) +
           "\" failures=\"" + std::to_string(suite.failures) +
           "\" errors=\"0\" skipped=\"0\" time=\"0\">\n";
    // Suppressed findings are not tests, but the count belongs in the summary.
    out += "    <properties>\n      <property name=\"suppressed\" value=\"" +
           std::to_string(suite.suppressed) + "\"/>\n    </properties>\n";
    for (const Case& c : suite.cases) {
      out += "    <testcase classname=\"" + classname + "\" name=\"" + xml(c.name, true) + "\"";
      if (!c.file.empty()) out += " file=\"" + xml(c.file, true) + "\"";
      out += " time=\"0\"";
      if (c.finding == nullptr) {
        out += "/>\n";
        continue;
      }
      const std::string text = xml(finding_text(*c.finding, false, true), false);
      if (c.failed) {
        out += ">\n      <failure type=\"" + xml(c.finding->rule_id, true) + "\" message=\"" +
               xml(c.finding->message, true) + "\">" + text + "</failure>\n";
      } else {
        out += ">\n      <system-out>" + text + "</system-out>\n";
      }
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace breakwater::detail
