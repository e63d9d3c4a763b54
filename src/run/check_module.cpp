// Stage 4 of a run: a module's format and rule selection (decided before loading, so that a
// typo fails before any parsing), then its rules over the two loaded models.
#include "run/state.hpp"

#include "core/trace.hpp"

#include <algorithm>

namespace breakwater::run_stages {

const detail::FormatPlugin& format_of(const RunState& s, const Module& m) {
  if (!m.lang.empty()) {
    try {
      return detail::format_for("", m.lang);
    } catch (const InputError& e) {
      if (!s.cfg || !s.opt.options.load.lang.empty()) throw;
      throw InputError(s.cfg->where(m.settings, "lang"), "lang: unknown language '" + m.lang + "'");
    }
  }
  const SideSpec& side = m.new_missing ? m.old_side : m.new_side;
  if (!side.git) return detail::format_for(side.disk, "");
  return detail::format_for(
      (fs::path(s.snapshots.at(side.git->ref)->root()) / *side.git->path).lexically_normal().string(),
      "");
}

namespace {

std::string compat_of(const RunState& s, const detail::FormatPlugin& format, const Module& m) {
  const std::string compat = !s.opt.options.compat.empty() ? s.opt.options.compat
                                                           : m.settings.compat;
  if (!compat.empty() &&
      std::find(format.compat.begin(), format.compat.end(), compat) == format.compat.end()) {
    const bool from_config = s.opt.options.compat.empty() && s.cfg;
    throw InputError(from_config ? s.cfg->where(m.settings, "compat") : Location{},
                     std::string(from_config ? "compat " : "--compat ") + compat + ": " +
                         std::string(format.name) + " is checked for backward compatibility only");
  }
  return compat;
}

}  // namespace

detail::RuleSelection select_for(const RunState& s, const detail::FormatPlugin& format,
                                 const Module& m) {
  const CheckOptions& cli = s.opt.options;
  std::vector<std::string> use = cli.use, except = cli.except;
  if (use.empty() && m.settings.use) use = *m.settings.use;
  if (except.empty() && m.settings.except) except = *m.settings.except;
  const std::string policy = !cli.policy.empty() ? cli.policy : m.settings.policy;
  compat_of(s, format, m);  // refused before loading
  try {
    return detail::select_rules(format, use, except, policy);
  } catch (const InputError& e) {
    // A bad name that came from the config is reported at the config's line.
    const std::string_view what = e.what();
    const bool from_config = what.starts_with("--use") ? cli.use.empty() : cli.except.empty();
    if (!from_config || !s.cfg) throw;
    std::string message = e.what();
    if (message.starts_with("--")) message = message.substr(2);
    throw InputError(s.cfg->where(m.settings, what.starts_with("--use") ? "use" : "except"),
                     message);
  }
}

std::vector<Finding> check_module(const RunState& s, const detail::FormatPlugin& format,
                                  const Module& m, const detail::RuleSelection& enabled,
                                  const Loaded& loaded) {
  detail::Trace trace("check");
  const std::string compat = compat_of(s, format, m);
  std::vector<Finding> findings = detail::run_rules(format, loaded.old_schema, loaded.new_schema,
                                                    enabled, {s.opt.options.load.jobs, compat});
  trace.lap("rules");
  return findings;
}

}  // namespace breakwater::run_stages
