// What the stages of a run share: the inputs as resolved, the config, the modules decided, the
// git exports, the warnings collected. Stages run in order (inputs -> modules -> load -> check
// -> filter), each in its own file; the report is rendered by the caller.
#pragma once

#include <breakwater/check.hpp>

#include "config/config.hpp"
#include "core/engine.hpp"
#include "core/read_input.hpp"
#include "git/snapshot.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace breakwater::run_stages {
namespace fs = std::filesystem;

struct GitSpec {
  std::string ref;
  std::optional<std::string> path;  // repository-relative; none = decided by the other side
};

// One side before git refs are exported: a local path, or a path inside a commit.
struct SideSpec {
  std::string disk;  // as the user named it (kept verbatim so messages show their spelling)
  std::optional<GitSpec> git;
};

// One module to compare, paths resolved against the config or the current directory.
struct Module {
  SideSpec old_side, new_side;
  std::string lang;
  const detail::FormatPlugin* format = nullptr;  // decided by split_by_format
  std::vector<std::string> include;  // absolute, as on the NEW side
  // The formats' own options: the config's laid under the command line's, path values
  // absolute (relative ones resolved against `base`), as on the NEW side.
  OptionValues options;
  config::ModuleConfig settings;  // use/except/ignore... as the config spells them
  std::string origin;             // "breakwater.yaml:12", for ignore reasons
  std::string config_file;        // the config that applied ("" = none), for reports
  std::string ignore_base;        // the directory ignore paths are relative to
  fs::path config_dir;            // the directory include paths are relative to
  bool new_missing = false;       // the module was deleted from the working tree
  std::string new_label, old_label;
};

struct RunState {
  explicit RunState(const RunOptions& options) : opt(options) {}
  const RunOptions& opt;
  bool git_mode = false;
  std::string workdir;  // the git working tree (git mode)
  std::optional<config::Config> cfg;
  // What --against compares with: the merge base of HEAD and the branch it names (a pull
  // request's diff), else the ref itself (a tag, a commit, --against-mode exact).
  std::string against_commit;
  bool against_is_merge_base = false;
  // "git:main", or "git:main (merge base 1a2b3c4d)" when the merge base was taken.
  std::string against_label() const;
  std::map<std::string, std::unique_ptr<git::Snapshot>> snapshots;  // by ref
  std::vector<std::string> warnings;                                 // in module order
  std::set<std::string> seen_warnings;
  std::vector<std::string> not_compared;  // CheckResult::not_compared, in module order

  // The files git sees in the working tree, listed once per run (git status hashes files).
  const std::vector<std::string>& worktree_list() const;
  const std::set<std::string>& worktree() const;
  // A path as a loader showed it, as users must see it: repository-relative in git mode.
  std::string shown(const std::string& path) const;
  // A path as reports show it: relative to the repository root in git mode, else as given.
  std::string display_of(const std::string& path) const;
  // The absolute file a finding path names (paths are relative to the display base).
  fs::path on_disk(const std::string& file) const;
  // Where a side's files are on disk (a git side: in its export).
  std::string disk_path(const SideSpec& side) const;

 private:
  mutable std::optional<std::vector<std::string>> worktree_list_;
  mutable std::optional<std::set<std::string>> worktree_;
};

fs::path absolute(const std::string& path);
bool is_git(const std::string& input);

// Stage 1, inputs (inputs.cpp): git mode and the working tree (decide_workdir), then the
// config that applies (resolve_inputs).
void decide_workdir(RunState& state);
void resolve_inputs(RunState& state);
// Where the run may read (contain.cpp): the repository in git mode, else the inputs' own
// repositories or folders; paths named on the command line; the formats' system folders.
detail::ReadPolicy read_policy_for(const RunState& state);
// Stage 2, modules (modules.cpp): the one module OLD NEW names, or every module of the
// repository (the config's, else each format's discovery on both sides).
std::vector<Module> decide_modules(RunState& state);
// Then, once git sides are exported: a module whose language is not given becomes one module
// per format found on either side of it (a format only in NEW has nothing to break: said on
// stderr; one only in OLD is compared with nothing). A directory holding nothing any format
// reads, or a given language neither side holds, is an InputError: nothing was compared.
std::vector<Module> split_by_format(RunState& state, std::vector<Module> modules);
// Stage 3, load (load_sides.cpp): one export per git ref, then each module's two models.
// The export of `paths` at `ref`; one per ref (whole-repository mode exports everything first).
const git::Snapshot& snapshot(RunState& state, const std::string& ref,
                              const std::vector<std::string>& paths);
void export_git(RunState& state, const std::vector<Module>& modules);
struct Loaded {
  Schema old_schema, new_schema;  // file paths as users see them
  std::vector<detail::InlineSuppression> suppressions;  // read from NEW's files
};
Loaded load_module(RunState& state, const detail::FormatPlugin& format, const Module& m);
// Stage 4, check (check_module.cpp): the module's format and rule selection (before loading:
// a typo fails before any parsing), then the rules.
const detail::FormatPlugin& format_of(const RunState& state, const Module& m);
// A --use/--except name that belongs only to formats the run does not compare is an error: it
// would select nothing and pass.
void check_rule_names(const RunState& state, const std::vector<Module>& modules);
detail::RuleSelection select_for(const RunState& state, const detail::FormatPlugin& format,
                                 const Module& m);
std::vector<Finding> check_module(const RunState& state, const detail::FormatPlugin& format,
                                  const Module& m, const detail::RuleSelection& enabled,
                                  const Loaded& loaded);
// Stage 5, filter (filter.cpp): severities, config ignores and inline suppressions of one
// module; the baseline over all of them.
void filter_module(const RunState& state, const Module& m, const detail::FormatPlugin& format,
                   const detail::RuleSelection& enabled,
                   std::vector<detail::InlineSuppression>& suppressions,
                   std::vector<Finding>& findings);
void apply_baseline(const RunState& state, std::vector<Finding>& findings);

}  // namespace breakwater::run_stages
