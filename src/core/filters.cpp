#include "core/filters.hpp"

#include "core/paths.hpp"

#include <algorithm>

namespace breakwater::detail {

const std::string* override_for(const std::map<std::string, std::string>& overrides,
                                const Finding& f) {
  if (auto it = overrides.find(f.rule_id); it != overrides.end()) return &it->second;
  for (const std::string& c : f.categories) {
    if (auto it = overrides.find(c); it != overrides.end()) return &it->second;
  }
  return nullptr;
}

void apply_severities(const std::map<std::string, std::string>& overrides,
                      std::vector<Finding>& findings) {
  if (overrides.empty()) return;
  std::vector<Finding> kept;
  for (Finding& f : findings) {
    if (const std::string* s = override_for(overrides, f)) {
      if (*s == "off") continue;
      parse_severity(*s, f.severity);
    }
    kept.push_back(std::move(f));
  }
  findings = std::move(kept);
}

void apply_ignores(const PathIgnores& ignores,
                   const std::function<std::filesystem::path(const std::string&)>& on_disk,
                   std::vector<Finding>& findings) {
  auto hit = [&](const Finding& f, const std::string& pattern) {
    const std::filesystem::path target = absolute_path((ignores.base / pattern).string());
    for (const Location* l : {&f.location, &f.old_location}) {
      if (l->known() && inside(on_disk(l->file), target)) return true;
    }
    return false;
  };
  const std::string where = ignores.origin.empty() ? "the config" : ignores.origin;
  for (Finding& f : findings) {
    if (f.suppressed) continue;
    for (const std::string& pattern : ignores.ignore) {
      if (hit(f, pattern)) {
        f.suppressed = Suppression{"ignored by " + where + " (ignore: " + pattern + ")", "config"};
        break;
      }
    }
    for (const auto& [rule, paths] : ignores.ignore_only) {
      if (f.suppressed) break;
      const bool named = rule == f.rule_id || std::find(f.categories.begin(), f.categories.end(),
                                                        rule) != f.categories.end();
      if (!named) continue;
      for (const std::string& pattern : paths) {
        if (hit(f, pattern)) {
          f.suppressed = Suppression{
              "ignored by " + where + " (ignore_only " + rule + ": " + pattern + ")", "config"};
          break;
        }
      }
    }
  }
}

}  // namespace breakwater::detail
