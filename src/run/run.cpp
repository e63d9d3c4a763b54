// A run as the CLI performs it, as named stages: resolve inputs (paths or git refs, the
// config), decide the modules, then per module load, check and filter; the baseline over the
// whole run. Each stage lives in its own file under src/run/; data flows one way through
// RunState. Every format plugs in through FormatPlugin.
#include "run/state.hpp"

#include "core/baseline.hpp"
#include "core/trace.hpp"

namespace breakwater {
namespace {

using namespace run_stages;

// Kept reachable until the process exits, so it is neither freed nor reported as a leak.
// Only the newest module's models are kept: an earlier module's go when the next arrives, so
// memory stays that of the biggest module, not the sum.
void abandon(Loaded&& loaded) {
  static auto* kept = new std::vector<Schema>();
  kept->clear();
  kept->push_back(std::move(loaded.old_schema));
  kept->push_back(std::move(loaded.new_schema));
}

size_t files_in(const Schema& schema) {
  return schema.files.empty() ? 0 : schema.files.size() - 1;  // files[0] is "nowhere"
}

}  // namespace

RunResult run(const RunOptions& options) {
  detail::Trace trace("run");
  RunState state(options);
  decide_workdir(state);
  const detail::ReadPolicyScope contained(read_policy_for(state));
  resolve_inputs(state);
  std::vector<Module> modules = decide_modules(state);
  trace.lap("config and modules");
  export_git(state, modules);
  trace.lap("git export");
  modules = split_by_format(state, std::move(modules));
  check_rule_names(state, modules);
  std::set<std::string> formats, rules;
  std::vector<Finding> all;
  std::vector<ComparedModule> compared;
  for (const Module& m : modules) {
    const detail::FormatPlugin& format = format_of(state, m);
    const detail::RuleSelection enabled = select_for(state, format, m);
    Loaded loaded = load_module(state, format, m);
    std::vector<Finding> found = check_module(state, format, m, enabled, loaded);
    compared.push_back({std::string(format.name), m.old_label, m.new_label,
                        files_in(loaded.old_schema), files_in(loaded.new_schema),
                        enabled.ids().size(), enabled.requested(), enabled.excepted(),
                        m.config_file});
    formats.insert(std::string(format.name));
    rules.insert(enabled.ids().begin(), enabled.ids().end());
    filter_module(state, m, format, enabled, loaded.suppressions, found);
    all.insert(all.end(), std::make_move_iterator(found.begin()),
               std::make_move_iterator(found.end()));
    if (!options.free_models) abandon(std::move(loaded));
  }
  sort_and_dedupe(all);
  number_fingerprints(all);
  apply_baseline(state, all);
  RunResult out;
  out.source_root = state.git_mode ? state.workdir : "";
  out.fail_on = state.cfg ? state.cfg->fail_on : "";
  out.warnings = state.warnings;
  CheckResult& result = out.result;
  result.formats.assign(formats.begin(), formats.end());
  result.format = result.formats.size() == 1 ? result.formats.front() : "all";
  result.rules_run.assign(rules.begin(), rules.end());
  result.findings = std::move(all);
  result.compared = std::move(compared);
  result.not_compared = state.not_compared;
  result.new_input = options.new_input.empty() ? "." : options.new_input;
  result.old_input = !options.old_input.empty() ? options.old_input : state.against_label();
  return out;
}

std::string baseline_for(const CheckResult& result) {
  return detail::baseline_text(result.findings);
}

}  // namespace breakwater
