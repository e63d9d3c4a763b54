// Stage 4 of a run: a module's format and rule selection (decided before loading, so that a
// typo fails before any parsing), then its rules over the two loaded models.
#include "run/state.hpp"

#include <breakwater/rules.hpp>

#include "core/trace.hpp"
#include "rule_ids/breakwater.hpp"

#include <algorithm>
#include <set>

namespace breakwater::run_stages {

const detail::FormatPlugin& format_of(const RunState& s, const Module& m) {
  if (m.format != nullptr) return *m.format;
  if (!m.lang.empty()) {
    try {
      return detail::format_for("", m.lang);
    } catch (const InputError& e) {
      if (!s.cfg || !s.opt.options.load.lang.empty()) throw;
      throw InputError(s.cfg->where(m.settings, "lang"), "lang: unknown language '" + m.lang + "'");
    }
  }
  return detail::format_for(s.disk_path(m.new_missing ? m.old_side : m.new_side), "");
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

// Whether `token` names rules or categories of other formats and none of `format`'s.
bool other_formats_only(const detail::FormatPlugin& format, const std::string& token) {
  bool elsewhere = false;
  for (const RuleInfo& r : catalog()) {
    const bool named = r.id == token || std::find(r.categories.begin(), r.categories.end(),
                                                  token) != r.categories.end();
    if (!named) continue;
    if (r.format == format.name) return false;
    elsewhere = true;
  }
  return elsewhere;
}

}  // namespace

void check_rule_names(const RunState& s, const std::vector<Module>& modules) {
  std::set<std::string_view> compared;
  for (const Module& m : modules) compared.insert(format_of(s, m).name);
  for (const auto* list : {&s.opt.options.use, &s.opt.options.except}) {
    const char* flag = list == &s.opt.options.use ? "--use" : "--except";
    for (const std::string& token : *list) {
      std::set<std::string> owners;
      for (const RuleInfo& r : catalog()) {
        if (r.id == token ||
            std::find(r.categories.begin(), r.categories.end(), token) != r.categories.end())
          owners.insert(r.format);
      }
      if (owners.empty()) continue;  // unknown everywhere: select_rules says so, with categories
      const bool applies = std::any_of(owners.begin(), owners.end(), [&](const std::string& f) {
        return compared.contains(f) || f == "breakwater";
      });
      if (applies || compared.empty()) continue;
      std::string have;
      for (std::string_view f : compared) have += (have.empty() ? "" : ", ") + std::string(f);
      throw InputError({}, std::string(flag) + ": '" + token + "' names " + *owners.begin() +
                               " rules, and no " + *owners.begin() +
                               " module is compared (compared: " + have + ")");
    }
  }
}

detail::RuleSelection select_for(const RunState& s, const detail::FormatPlugin& format,
                                 const Module& m) {
  const CheckOptions& cli = s.opt.options;
  std::vector<std::string> use = cli.use, except = cli.except;
  if (use.empty() && m.settings.use) use = *m.settings.use;
  if (except.empty() && m.settings.except) except = *m.settings.except;
  const std::string policy = !cli.policy.empty() ? cli.policy : m.settings.policy;
  compat_of(s, format, m);  // refused before loading
  // In a run over several formats, a name of another format's rule or category is for that
  // format; only a name no format knows is an error (select_rules reports it).
  const bool use_given = !use.empty();
  auto for_this_format = [&](std::vector<std::string>& tokens) {
    std::erase_if(tokens, [&](const std::string& t) { return other_formats_only(format, t); });
  };
  for_this_format(use);
  for_this_format(except);
  if (use_given && use.empty()) {
    // --use named only other formats' rules: this module runs none of its own.
    return detail::RuleSelection(format.name,
                                 std::vector<bool>(detail::rules_of(format.name).size(), false),
                                 {}, policy);
  }
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
  // What NEW holds but the format does not compare: a finding, so every report shows it at its
  // place and counts it, and a reviewed one can be suppressed there.
  const auto excepted = [&](const std::vector<std::string>& tokens) {
    const RuleInfo& rule = detail::rule_info(rules::breakwater::INPUT_NOT_COMPARED);
    return std::any_of(tokens.begin(), tokens.end(), [&](const std::string& t) {
      return t == rule.id ||
             std::find(rule.categories.begin(), rule.categories.end(), t) != rule.categories.end();
    });
  };
  const std::vector<std::string>& except =
      !s.opt.options.except.empty() || !m.settings.except ? s.opt.options.except
                                                          : *m.settings.except;
  // Only what the change brings: the same statement in the same file on the OLD side (an
  // applied migration) was reported when it came, and repeating it on every run is noise.
  // Files are named below the folder all of a side's files share ("old/", "migrations/").
  const auto common_folder = [](const Schema& schema) {
    std::string prefix;
    bool first = true;
    for (size_t i = 1; i < schema.files.size(); ++i) {
      const std::string parent = fs::path(schema.files[i]).parent_path().generic_string();
      const std::string folder = parent.empty() ? "" : parent + "/";
      if (first) prefix = folder;
      first = false;
      while (!folder.starts_with(prefix)) {
        prefix.pop_back();
        prefix.resize(prefix.rfind('/') == std::string::npos ? 0 : prefix.rfind('/') + 1);
      }
    }
    return prefix;
  };
  const auto key = [](const Schema& schema, const std::string& prefix, const Diagnostic& d) {
    const std::string file = schema.resolve(d.at).file;
    return d.message + "\n" + (file.starts_with(prefix) ? file.substr(prefix.size()) : file);
  };
  const std::string old_prefix = common_folder(loaded.old_schema);
  const std::string new_prefix = common_folder(loaded.new_schema);
  std::multiset<std::string> in_old;
  for (const Diagnostic& d : loaded.old_schema.warnings)
    in_old.insert(key(loaded.old_schema, old_prefix, d));
  if (!excepted(except)) {
    for (const Diagnostic& d : loaded.new_schema.warnings) {
      if (const auto it = in_old.find(key(loaded.new_schema, new_prefix, d)); it != in_old.end()) {
        in_old.erase(it);
        continue;
      }
      Finding f;
      f.rule_id = std::string(rules::breakwater::INPUT_NOT_COMPARED.id());
      f.location = loaded.new_schema.resolve(d.at);
      f.entity = f.location.file;
      f.message = d.message + ".";
      if (detail::finish_finding(f)) findings.push_back(std::move(f));
    }
  }
  return findings;
}

}  // namespace breakwater::run_stages
