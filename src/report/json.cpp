// Versioned JSON report; the schema is documented in docs/json-output.md.
#include <breakwater/rules.hpp>

#include "report/reporters.hpp"

#include <nlohmann/json.hpp>

#ifndef BREAKWATER_VERSION
#define BREAKWATER_VERSION "0.0.0"
#endif

namespace breakwater::detail {
namespace {

nlohmann::ordered_json location_json(const Location& l) {
  if (!l.known()) return nullptr;
  return {{"path", l.file}, {"line", l.line}, {"column", l.column}};
}

}  // namespace

std::string render_json(const CheckResult& result, const ReportOptions&) {
  nlohmann::ordered_json doc;
  doc["schema_version"] = 1;
  doc["tool"] = {{"name", "breakwater"}, {"version", BREAKWATER_VERSION}};
  doc["format"] = result.format;
  doc["rules_run"] = result.rules_run;
  const Tally t = tally(result);
  doc["summary"] = {{"findings", result.findings.size()},
                    {"error", t.error},
                    {"warning", t.warning},
                    {"info", t.info},
                    {"files", t.files}};
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const Finding& f : result.findings) {
    const RuleInfo* rule = find_rule(f.rule_id);
    findings.push_back({{"rule_id", f.rule_id},
                        {"severity", to_string(f.severity)},
                        {"categories", f.categories},
                        {"format", f.format},
                        {"entity", f.entity},
                        {"message", f.message},
                        {"location", location_json(f.location)},
                        {"old_location", location_json(f.old_location)},
                        {"why", rule != nullptr ? rule->why : ""},
                        {"fix", f.fix},
                        {"fingerprint", f.fingerprint}});
  }
  doc["findings"] = std::move(findings);
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace breakwater::detail

namespace breakwater {

std::string rules_json(const std::vector<const RuleInfo*>& rules) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::array();
  for (const RuleInfo* r : rules) {
    doc.push_back({{"id", r->id},
                   {"format", r->format},
                   {"categories", r->categories},
                   {"severity", to_string(r->severity)},
                   {"available", r->available},
                   {"summary", r->summary},
                   {"why", r->why},
                   {"fix", r->fix}});
  }
  return doc.dump(2) + "\n";
}

}  // namespace breakwater
