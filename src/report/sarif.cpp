// SARIF 2.1.0 for code scanning and review bots: rules from the catalog, repository-relative
// URIs under %SRCROOT%, GitHub's line hash plus our line-independent fingerprint, and the OLD
// place as a related location.
#include <breakwater/rules.hpp>

#include "report/reporters.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#ifndef BREAKWATER_VERSION
#define BREAKWATER_VERSION "0.0.0"
#endif

namespace breakwater::detail {
namespace {

using Json = nlohmann::ordered_json;

std::string sarif_level(Severity s) {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

std::string clip(std::string text, size_t limit = 1000) {
  if (text.size() > limit) text = text.substr(0, limit - 3) + "...";
  return text;
}

// Percent-encodes what a URI reference may not hold; '/' stays a separator.
std::string uri_escape(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Json artifact(const std::string& path) {
  if (std::filesystem::path(path).is_absolute()) return {{"uri", "file://" + uri_escape(path)}};
  return {{"uri", uri_escape(path)}, {"uriBaseId", "%SRCROOT%"}};
}

Json physical(const Location& l) {
  return {{"artifactLocation", artifact(l.file)},
          {"region",
           {{"startLine", std::max<uint32_t>(l.line, 1)},
            {"startColumn", std::max<uint32_t>(l.column, 1)}}}};
}

// Line hashes per file, computed once per file.
class LineHashes {
 public:
  std::string at(const Location& l) {
    auto it = cache_.find(l.file);
    if (it == cache_.end()) {
      std::ifstream in(l.file, std::ios::binary);
      std::ostringstream text;
      if (in) text << in.rdbuf();
      it = cache_.emplace(l.file, line_hashes(text.str())).first;
    }
    const auto& hashes = it->second;
    const size_t line = std::max<uint32_t>(l.line, 1);
    return line <= hashes.size() ? hashes[line - 1] : hashes.back();
  }

 private:
  std::map<std::string, std::vector<std::string>> cache_;
};

Json rule_json(const RuleInfo& r) {
  std::string help = r.fix;
  std::string markdown = "**Why it breaks.** " + r.why + "\n\n**Instead.** " + r.fix;
  if (!r.example.empty()) markdown += "\n\n```proto\n" + r.example + "\n```";
  Json tags = Json::array({r.format, "compatibility"});
  for (const auto& c : r.categories) tags.push_back(c);
  return {{"id", r.id},
          {"name", r.id},
          {"shortDescription", {{"text", clip(r.summary)}}},
          {"fullDescription", {{"text", clip(r.why)}}},
          {"help", {{"text", clip(r.why + " " + help, 4000)}, {"markdown", markdown}}},
          {"defaultConfiguration", {{"level", sarif_level(r.severity)}}},
          {"properties",
           {{"tags", tags},
            {"precision", "very-high"},
            {"problem.severity",
             sarif_level(r.severity) == "note" ? "recommendation" : sarif_level(r.severity)}}}};
}

}  // namespace

std::string render_sarif(const CheckResult& result, const ReportOptions&) {
  Json rules = Json::array();
  std::map<std::string, size_t> rule_index;
  for (const std::string& id : result.rules_run) {
    if (const RuleInfo* r = find_rule(id)) {
      rule_index.emplace(id, rules.size());
      rules.push_back(rule_json(*r));
    }
  }
  LineHashes hashes;
  Json results = Json::array();
  for (const Finding& f : result.findings) {
    std::string text = f.message;
    Json r = {{"ruleId", f.rule_id}};
    if (auto it = rule_index.find(f.rule_id); it != rule_index.end()) r["ruleIndex"] = it->second;
    r["level"] = sarif_level(f.severity);
    const bool has_old = f.old_location.known() && !(f.old_location.file == f.location.file &&
                                                     f.old_location.line == f.location.line);
    if (has_old) text += " Before: [" + f.old_location.text() + "](1).";
    if (!f.fix.empty()) text += " Fix: " + f.fix;
    r["message"] = {{"text", text}};
    r["locations"] = Json::array({{{"physicalLocation", physical(f.location)}}});
    r["partialFingerprints"] = {{"primaryLocationLineHash", hashes.at(f.location)},
                                {"breakwater/v1", f.fingerprint}};
    if (has_old) {
      r["relatedLocations"] = Json::array({{{"id", 1},
                                            {"physicalLocation", physical(f.old_location)},
                                            {"message", {{"text", "OLD version"}}}}});
    }
    r["properties"] = {{"entity", f.entity}, {"categories", f.categories}};
    results.push_back(std::move(r));
  }
  Json run = {
      {"tool",
       {{"driver",
         {{"name", "breakwater"}, {"semanticVersion", BREAKWATER_VERSION}, {"rules", rules}}}}},
      {"automationDetails", {{"id", "breakwater/" + result.format + "/"}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", results}};
  Json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", Json::array({run})}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace breakwater::detail
