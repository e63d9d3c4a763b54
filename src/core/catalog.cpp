#include <breakwater/rules.hpp>

#include "core/catalog_data.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

namespace breakwater {
namespace {

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

RuleInfo parse_rule(const detail::EmbeddedRuleFile& file) {
  const std::string where = "rules/" + std::string(file.path);
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(file.text));
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(where + ": " + e.what());
  }
  auto required = [&](const char* key) {
    if (!doc[key] || !doc[key].IsScalar() || doc[key].as<std::string>().empty()) {
      throw std::runtime_error(where + ": missing '" + key + "'");
    }
    return trimmed(doc[key].as<std::string>());
  };
  RuleInfo r;
  r.id = required("id");
  r.format = required("format");
  r.summary = required("summary");
  r.why = required("why");
  r.fix = required("fix");
  if (doc["example"]) r.example = trimmed(doc["example"].as<std::string>());
  if (!parse_severity(required("severity"), r.severity)) {
    throw std::runtime_error(where + ": unknown severity");
  }
  if (!doc["categories"] || !doc["categories"].IsSequence() || doc["categories"].size() == 0) {
    throw std::runtime_error(where + ": 'categories' must be a non-empty list");
  }
  for (const auto& c : doc["categories"]) r.categories.push_back(c.as<std::string>());
  if (doc["available"]) r.available = doc["available"].as<bool>();
  if (doc["quiet_under"]) {
    if (!doc["quiet_under"].IsSequence()) {
      throw std::runtime_error(where + ": 'quiet_under' must be a list of policies");
    }
    for (const auto& p : doc["quiet_under"]) r.quiet_under.push_back(p.as<std::string>());
  }
  if (!r.available) r.unavailable_reason = required("unavailable");
  const std::string expected_path = r.format + "/" + r.id + ".yaml";
  if (file.path != expected_path) {
    throw std::runtime_error(where + ": id/format do not match the file name (" + expected_path +
                             ")");
  }
  return r;
}

std::vector<RuleInfo> load_catalog() {
  std::vector<RuleInfo> rules;
  for (const auto& f : detail::embedded_rule_files()) rules.push_back(parse_rule(f));
  std::sort(rules.begin(), rules.end(), [](const RuleInfo& a, const RuleInfo& b) {
    return std::tie(a.format, a.id) < std::tie(b.format, b.id);
  });
  return rules;
}

}  // namespace

const std::vector<RuleInfo>& catalog() {
  static const std::vector<RuleInfo> rules = load_catalog();
  return rules;
}

const RuleInfo* find_rule(std::string_view id) {
  static const auto by_id = [] {
    std::map<std::string_view, const RuleInfo*> out;
    for (const RuleInfo& r : catalog()) out.emplace(r.id, &r);
    return out;
  }();
  auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : it->second;
}

std::vector<std::string> policies_of(std::string_view format) {
  std::set<std::string> out;
  for (const RuleInfo& r : catalog()) {
    if (r.format == format) out.insert(r.quiet_under.begin(), r.quiet_under.end());
  }
  return {out.begin(), out.end()};
}

std::vector<std::string> categories_of(std::string_view format) {
  // Rule files list categories in their canonical order; merge those orders.
  std::vector<std::string> out;
  for (const RuleInfo& r : catalog()) {
    if (r.format != format) continue;
    auto insert_at = out.begin();
    for (const std::string& c : r.categories) {
      auto it = std::find(out.begin(), out.end(), c);
      if (it == out.end()) {
        insert_at = out.insert(insert_at, c) + 1;
      } else {
        insert_at = std::max(insert_at, it + 1);
      }
    }
  }
  return out;
}

}  // namespace breakwater

namespace breakwater {

std::string help_uri(const RuleInfo& rule) {
  std::string anchor = rule.id;
  for (char& c : anchor) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::string(BREAKWATER_HELP_BASE) + rule.format + ".md#" + anchor;
}

}  // namespace breakwater
