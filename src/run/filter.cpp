// Stage 5 of a run: what no longer counts. Per module: severity overrides, the config's path
// ignores, inline suppressions (and findings about the suppressions themselves); over the whole
// run: the baseline (and its stale entries).
#include "run/state.hpp"

#include "core/baseline.hpp"
#include "core/filters.hpp"

#include <algorithm>

namespace breakwater::run_stages {

void filter_module(const RunState& s, const Module& m, const detail::FormatPlugin& format,
                   const detail::RuleSelection& enabled,
                   std::vector<detail::InlineSuppression>& suppressions,
                   std::vector<Finding>& findings) {
  detail::apply_severities(m.settings.severity, findings);
  if (m.settings.ignore_unstable_packages.value_or(false) && format.unstable != nullptr) {
    const std::string where = m.origin.empty() ? "the config" : m.origin;
    for (Finding& f : findings) {
      if (!f.suppressed && format.unstable(f))
        f.suppressed = Suppression{"ignored by " + where + " (ignore_unstable_packages)", "config"};
    }
  }
  detail::apply_ignores({m.settings.ignore, m.settings.ignore_only, m.ignore_base, m.origin},
                        [&s](const std::string& file) { return s.on_disk(file); }, findings);
  // A suppression naming only rules that did not run (not selected, or severity off) is
  // neither used nor unused: it waits for a run that checks its rule.
  auto active = [&](const std::string& name) {
    for (const std::string& id : enabled.ids()) {
      const RuleInfo* r = find_rule(id);
      const bool named = id == name || (r != nullptr && std::find(r->categories.begin(),
                                                                  r->categories.end(),
                                                                  name) != r->categories.end());
      if (!named) continue;
      Finding probe;
      probe.rule_id = id;
      if (r != nullptr) probe.categories = r->categories;
      const std::string* setting = detail::override_for(m.settings.severity, probe);
      if (setting == nullptr || *setting != "off") return true;
    }
    return false;
  };
  for (Finding& about : detail::apply_suppressions(suppressions, findings, active)) {
    if (detail::finish_finding(about)) findings.push_back(std::move(about));
  }
}

namespace {

std::string baseline_path(const RunState& s) {
  if (!s.opt.apply_baseline) return {};
  if (!s.opt.baseline.empty()) return s.opt.baseline;
  if (!s.cfg || s.cfg->baseline.empty()) return {};
  const fs::path p = fs::path(s.cfg->dir) / s.cfg->baseline;
  std::error_code ec;
  const fs::path rel = p.lexically_relative(fs::current_path(ec));
  return (!ec && !rel.empty() && *rel.begin() != "..") ? rel.generic_string() : p.string();
}

}  // namespace

void apply_baseline(const RunState& s, std::vector<Finding>& findings) {
  const std::string baseline = baseline_path(s);
  if (baseline.empty()) return;
  for (Finding& stale : detail::apply_baseline(baseline, s.display_of(baseline), findings)) {
    if (detail::finish_finding(stale)) findings.push_back(std::move(stale));
  }
  sort_and_dedupe(findings);
}

}  // namespace breakwater::run_stages
