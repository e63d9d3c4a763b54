// Breakwater's own machine format, schema version 2: documented in docs/json-output.md and
// checked by docs/report.schema.json. Wrappers read counts and the exit code from `summary`
// and never need to parse text.
#include <breakwater/rules.hpp>

#include "report/reporters.hpp"

#include <nlohmann/json.hpp>

#ifndef BREAKWATER_VERSION
#define BREAKWATER_VERSION "0.0.0"
#endif

namespace breakwater::detail {
namespace {

using Json = nlohmann::ordered_json;

// Positions we do not know are null rather than 0, so a consumer never mistakes them for lines.
Json position(uint32_t value) {
  return value > 0 ? Json(value) : Json(nullptr);
}

Json location_json(const Location& l) {
  if (!l.known()) return nullptr;
  return {{"path", l.file},
          {"line", position(l.line)},
          {"column", position(l.line > 0 ? l.column : 0)},
          {"end_line", position(l.line)},
          {"end_column", position(l.line > 0 ? end_column(l) : 0)}};
}

Json suppression_json(const std::optional<Suppression>& s) {
  if (!s) return nullptr;
  return {{"reason", s->reason}, {"source", s->source}};
}

Json finding_json(const Finding& f) {
  const RuleInfo rule = rule_of(f);
  return {{"rule_id", f.rule_id},
          {"severity", to_string(f.severity)},
          {"format", f.format},
          {"category", f.categories.empty() ? Json(nullptr) : Json(f.categories.front())},
          {"categories", f.categories},
          {"message", f.message},
          {"entity", f.entity},
          {"new", location_json(f.location)},
          {"old", location_json(f.old_location)},
          {"why", rule.why},
          {"fix", f.fix},
          {"help_uri", help_uri(rule)},
          {"fingerprint", f.fingerprint},
          {"suppressed", suppression_json(f.suppressed)}};
}

}  // namespace

std::string render_json(const CheckResult& result, const ReportOptions& options) {
  Json doc;
  doc["schema_version"] = 2;
  doc["tool"] = {{"name", "breakwater"}, {"version", BREAKWATER_VERSION}};
  doc["inputs"] = {{"old", result.old_input}, {"new", result.new_input}};
  doc["format"] = result.format;
  doc["formats"] = result.formats;
  doc["rules_run"] = result.rules_run;
  Json compared = Json::array();
  for (const ComparedModule& m : result.compared) {
    compared.push_back({{"format", m.format},
                        {"old", m.old_input},
                        {"new", m.new_input},
                        {"old_files", m.old_files},
                        {"new_files", m.new_files},
                        {"rules", m.rules},
                        {"use", m.use},
                        {"except", m.except},
                        {"config", m.config}});
  }
  doc["compared"] = compared;
  doc["not_compared"] = result.not_compared;
  const Tally t = tally(result);
  doc["summary"] = {{"error", t.error},
                    {"warning", t.warning},
                    {"info", t.info},
                    {"suppressed", t.suppressed},
                    {"fail_on", fail_on_text(options)},
                    {"exit_code", exit_status(result, options)}};
  Json findings = Json::array();
  for (const Finding& f : result.findings) findings.push_back(finding_json(f));
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
