// SARIF 2.1.0 for code scanning and review bots: rules from the catalog, repository-relative
// URIs under %SRCROOT%, GitHub's line hash plus our line-independent fingerprint, the OLD place
// as a related location, and suppressed findings kept with `suppressions`.
#include <breakwater/rules.hpp>

#include "core/engine.hpp"
#include "core/read_input.hpp"
#include "report/reporters.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#ifndef BREAKWATER_VERSION
#define BREAKWATER_VERSION "0.0.0"
#endif
#ifndef BREAKWATER_HELP_BASE
#define BREAKWATER_HELP_BASE "https://github.com/breakwater-dev/breakwater/blob/main/docs/rules/"
#endif

namespace breakwater::detail {
namespace {

using Json = nlohmann::ordered_json;

// GitHub shows the first 5,000 results of a run; more and the tail silently disappears.
constexpr size_t kGithubShownResults = 5000;

std::string sarif_level(Severity s) {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

std::string clip(std::string text, size_t limit = 1000) {
  if (text.size() > limit) text = text.substr(0, limit - 3) + "...";
  return text;
}

// FIELD_NO_DELETE -> FieldNoDelete: SARIF wants a readable name besides the opaque id.
std::string camel_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '_') {
      upper = true;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    out += static_cast<char>(upper ? std::toupper(u) : std::tolower(u));
    upper = false;
  }
  return out;
}

// The project page: the help base up to its "/blob/" (the rule docs live in the repository).
std::string information_uri() {
  const std::string base = BREAKWATER_HELP_BASE;
  const size_t blob = base.find("/blob/");
  return blob == std::string::npos ? base : base.substr(0, blob);
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

// The base of OLD's paths when OLD is a commit: they name files of that commit, not of the
// checkout, so they must not resolve against %SRCROOT% (code scanning would open the head file
// at the old line number).
constexpr const char* kBaseCommit = "BREAKWATER_OLD";

Json artifact(const std::string& path, const char* base = "%SRCROOT%") {
  if (std::filesystem::path(path).is_absolute()) return {{"uri", "file://" + uri_escape(path)}};
  return {{"uri", uri_escape(path)}, {"uriBaseId", base}};
}

// A location without a line is placed on line 1, as the spec asks for anchors without a better
// line (code scanning needs a startLine).
Json physical(const Location& l, const char* base = "%SRCROOT%") {
  const uint32_t line = std::max<uint32_t>(l.line, 1);
  Json region = {{"startLine", line}};
  if (l.line > 0 && l.column > 0) {
    region["startColumn"] = l.column;
    region["endLine"] = line;
    region["endColumn"] = end_column(l);
  } else {
    region["endLine"] = line;
  }
  return {{"artifactLocation", artifact(l.file, base)}, {"region", region}};
}

// Line hashes of NEW files, read once per file from the source root. A file that cannot be read
// gets no hash at all: hashing empty text would give every line of it the same wrong identity.
class LineHashes {
 public:
  explicit LineHashes(std::string root) : root_(std::move(root)) {}

  std::optional<std::string> at(const Location& l) {
    if (!l.known()) return std::nullopt;
    auto it = cache_.find(l.file);
    if (it == cache_.end()) it = cache_.emplace(l.file, read(l.file)).first;
    const auto& hashes = it->second;
    const size_t line = std::max<uint32_t>(l.line, 1);
    if (!hashes || line > hashes->size()) return std::nullopt;
    return (*hashes)[line - 1];
  }

 private:
  std::optional<std::vector<std::string>> read(const std::string& file) const {
    std::filesystem::path path(file);
    if (!root_.empty() && path.is_relative()) path = std::filesystem::path(root_) / path;
    const std::optional<std::string> text = detail::read_file(path);
    if (!text) return std::nullopt;
    return line_hashes(*text);
  }

  std::string root_;
  std::map<std::string, std::optional<std::vector<std::string>>> cache_;
};

// The code-fence language of a format's examples, as its plugin declares it.
std::string fence_language(std::string_view format) {
  const detail::FormatPlugin* plugin = detail::find_format(format);
  return plugin != nullptr ? std::string(plugin->fence_language) : "";
}

Json rule_json(const RuleInfo& r) {
  // Catalog entries always have why and fix; a stand-in for an unknown rule may not, and SARIF
  // wants every description non-empty.
  std::string text = r.summary, markdown = r.summary;
  if (!r.why.empty()) {
    text = "Why it breaks: " + r.why;
    markdown = "**Why it breaks.** " + r.why;
  }
  if (!r.fix.empty()) {
    text += "\n\nInstead: " + r.fix;
    markdown += "\n\n**Instead.** " + r.fix;
  }
  if (!r.example.empty()) {
    text += "\n\nExample:\n" + r.example;
    markdown += "\n\n```" + fence_language(r.format) + "\n" + r.example + "\n```";
  }
  Json tags = Json::array({r.format, "compatibility"});
  for (const auto& c : r.categories) tags.push_back(c);
  if (tags.size() > 20) tags.erase(tags.begin() + 20, tags.end());
  const std::string level = sarif_level(r.severity);
  return {{"id", r.id},
          {"name", camel_case(r.id)},
          {"shortDescription", {{"text", clip(r.summary)}}},
          {"fullDescription", {{"text", clip(r.why.empty() ? r.summary : r.why)}}},
          {"help", {{"text", clip(text, 8000)}, {"markdown", markdown}}},
          {"helpUri", help_uri(r)},
          {"defaultConfiguration", {{"level", level}}},
          {"properties",
           {{"tags", tags},
            // Every check compares declarations exactly; none is a heuristic yet.
            {"precision", "very-high"},
            {"problem.severity", level == "note" ? "recommendation" : level}}}};
}

Json suppressions_json(const Suppression& s) {
  return Json::array(
      {{{"kind", s.source == "inline" ? "inSource" : "external"}, {"justification", s.reason}}});
}

// First sentence self-contained, then the OLD place, why, fix. The OLD place links to
// relatedLocations[0] only when it is a file of the checkout (two directories compared); a place
// in a base commit stays plain text, with the commit named.
std::string message_text(const Finding& f, const RuleInfo& rule, const std::string& base_commit) {
  std::string text = f.message;
  if (shows_old(f)) {
    text += base_commit.empty() ? "\nbase: [" + f.old_location.text() + "](1)"
                                : "\nbase: " + f.old_location.text() + " in " + base_commit;
  }
  if (!rule.why.empty()) text += "\nwhy: " + rule.why;
  if (!f.fix.empty()) text += "\nfix: " + f.fix;
  return text;
}

}  // namespace

std::string render_sarif(const CheckResult& result, const ReportOptions& options) {
  // Every rule that ran, plus any rule a finding names that did not (meta rules such as stale
  // baseline entries), so every result resolves to a descriptor.
  std::map<std::string, RuleInfo> rule_infos;
  for (const std::string& id : result.rules_run) {
    if (const RuleInfo* r = find_rule(id)) rule_infos.emplace(id, *r);
  }
  for (const Finding& f : result.findings) {
    if (!rule_infos.contains(f.rule_id)) rule_infos.emplace(f.rule_id, rule_of(f));
  }
  Json rules = Json::array();
  std::map<std::string, size_t> rule_index;
  for (const auto& [id, info] : rule_infos) {
    rule_index.emplace(id, rules.size());
    rules.push_back(rule_json(info));
  }

  std::vector<const Finding*> order;
  for (const Finding& f : result.findings) order.push_back(&f);
  if (order.size() > kGithubShownResults) {
    // Code scanning keeps only the first 5,000: let those be the most severe.
    std::stable_sort(order.begin(), order.end(),
                     [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
    std::fprintf(stderr,
                 "breakwater: warning: %zu SARIF results; GitHub code scanning shows only the "
                 "first %zu (errors are listed first)\n",
                 order.size(), kGithubShownResults);
  }

  // OLD read from a commit (git:REF, --against): its paths are that commit's.
  const std::string base_commit = result.old_input.starts_with("git:") ? result.old_input : "";
  LineHashes hashes(options.source_root);
  Json results = Json::array();
  for (const Finding* fp : order) {
    const Finding& f = *fp;
    const RuleInfo& rule = rule_infos.at(f.rule_id);
    Json r = {{"ruleId", f.rule_id}, {"ruleIndex", rule_index.at(f.rule_id)}};
    r["level"] = sarif_level(f.severity);
    r["message"] = {{"text", message_text(f, rule, base_commit)}};
    r["locations"] = Json::array({{{"physicalLocation", physical(f.location)}}});
    Json fingerprints = Json::object();
    if (auto hash = hashes.at(f.location)) fingerprints["primaryLocationLineHash"] = *hash;
    fingerprints["breakwater/v1"] = f.fingerprint;
    r["partialFingerprints"] = std::move(fingerprints);
    if (shows_old(f)) {
      r["relatedLocations"] =
          Json::array({{{"id", 1},
                        {"physicalLocation",
                         physical(f.old_location, base_commit.empty() ? "%SRCROOT%" : kBaseCommit)},
                        {"message", {{"text", "OLD version"}}}}});
    }
    if (f.suppressed) r["suppressions"] = suppressions_json(*f.suppressed);
    r["properties"] = {{"entity", f.entity}, {"categories", f.categories}};
    results.push_back(std::move(r));
  }
  Json run = {{"tool",
               {{"driver",
                 {{"name", "breakwater"},
                  {"semanticVersion", BREAKWATER_VERSION},
                  {"informationUri", information_uri()},
                  {"rules", rules}}}}},
              {"automationDetails",
               {{"id", "breakwater/" + (result.format.empty() ? "all" : result.format) + "/"}}},
              {"columnKind", "unicodeCodePoints"},
              {"results", results}};
  // What was compared (docs/ci.md): run properties, one entry per module.
  Json compared = Json::array();
  for (const ComparedModule& m : result.compared) {
    compared.push_back({{"format", m.format},
                        {"old", m.old_input},
                        {"new", m.new_input},
                        {"oldFiles", m.old_files},
                        {"newFiles", m.new_files},
                        {"rules", m.rules},
                        {"use", m.use},
                        {"except", m.except},
                        {"config", m.config},
                        {"summary", compared_text(m)}});
  }
  if (!compared.empty()) run["properties"] = {{"compared", compared}};
  if (!result.not_compared.empty()) run["properties"]["notCompared"] = result.not_compared;
  if (!base_commit.empty()) {
    run["originalUriBaseIds"] = {
        {kBaseCommit,
         {{"description",
           {{"text", "The OLD side, " + base_commit +
                         ": related locations name files of that commit, relative to the "
                         "repository root (not of the analysed checkout)"}}}}}};
  }
  Json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", Json::array({run})}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace breakwater::detail
