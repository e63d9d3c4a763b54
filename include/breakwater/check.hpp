// The library entry point: load OLD and NEW, run the selected rules, return sorted findings.
#pragma once

#include <breakwater/finding.hpp>
#include <breakwater/model.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace breakwater {

// Bad input or usage: reported as `path:line:col: error: message`, exit status 2.
class InputError : public std::runtime_error {
 public:
  InputError(Location where, const std::string& message);
  const Location& where() const { return where_; }
  std::string one_line() const;  // path:line:col: error: message
 private:
  Location where_;
};

// An option a format declares for itself (SQL's `dialect`, JSON Schema's `ref_map`, C++'s
// `compile_flags`...), as breakwater.yaml or the command line gave it. Core carries it to the
// format, which validates it and reads it into its own options; `breakwater rules` and
// docs/config.md list each format's options.
struct OptionItem {
  std::string key;    // map-shaped options only (ref_map's URI)
  std::string value;  // a path option's value is absolute once the run has resolved it
  Location at;        // where the value is spelled in the config (unknown on the command line)
  Location key_at;    // where the key is spelled (map-shaped options)
};
struct OptionValue {
  std::vector<OptionItem> items;  // one for a single value; in order for lists and maps
  Location at;                    // where the option's value is spelled in the config
  std::string base;  // the directory relative paths in it are relative to ("" = the current one)
};
using OptionValues = std::map<std::string, OptionValue, std::less<>>;  // by config key

// What every format's loader shares; a format's own options travel in `format_options`.
struct LoadOptions {
  std::string lang;                        // "" = detect; a format name or alias
  std::vector<std::string> include_paths;  // extra import roots (-I)
  OptionValues format_options;
  // Sets a format option as the command line would (no location, paths relative to the
  // current directory; map-shaped options take KEY=VALUE).
  void set(const std::string& key, std::vector<std::string> values);
  // Where NEW's input lies in the working tree: lookups both sides must agree on (the C++
  // compilation database entry nearest the headers) anchor there. Empty: the input itself.
  std::string new_input_in_worktree;
  // Git side: paths under `workdir` that options name (include directories in compile flags)
  // are read from this side's copy of the repository under `side_root`.
  std::string workdir, side_root;
  unsigned jobs = 0;  // 0 = hardware concurrency
  // When set, a directory input only takes the files (absolute, lexically normal paths) it
  // accepts: in git mode, the files git sees, so ignored generated files stay out as they are
  // out of the commit being compared.
  std::function<bool(const std::string&)> keep_file;
  // Symbolic links in a directory input may point anywhere below this directory (absolute);
  // empty: below the input itself. Links leaving it are refused, never read.
  std::string link_boundary;
};

struct CheckOptions {
  LoadOptions load;
  std::vector<std::string> use;     // rule ids and/or categories; empty = the format's default
  std::vector<std::string> except;  // rule ids and/or categories removed from `use`
  std::string compat;               // backward | forward | full; "" = the format's default
  std::string policy;  // "" = strict; else a policy the catalog's `quiet_under` names (lenient)
  // Files larger than this are refused, never read; 0 = the default (docs/security.md).
  std::uintmax_t max_file_bytes = 0;
};

// One module a run compared: what was looked at, so a pass says what it passed.
struct ComparedModule {
  std::string format;                // catalog format name
  std::string old_input, new_input;  // as named to the user ("git:main:proto", "proto")
  size_t old_files = 0, new_files = 0;
  size_t rules = 0;                  // rules run
  std::vector<std::string> use;      // the selection asked for (the format's default when not given)
  std::vector<std::string> except;
  std::string config;                // the config file that applied ("" = none)
};

struct CheckResult {
  std::string format;                  // the format checked, or "all" when several were
  std::vector<std::string> formats;    // every format checked, sorted
  std::vector<std::string> rules_run;  // ids, sorted
  // Sorted, de-duplicated, fingerprints unique. Suppressed findings stay in the list, marked.
  std::vector<Finding> findings;
  std::string old_input, new_input;  // what was compared, as named to the user ("git:main", "v2")
  std::vector<ComparedModule> compared;  // in run order
  // Inputs found and left out, each `path: what, and why` (headers outside an include/ folder,
  // a module new since the ref): every report lists them beside what was compared.
  std::vector<std::string> not_compared;
};

Schema load_schema(const std::string& path, const LoadOptions& options);

// Stops the process-wide services some loaders start on first use (MariaDB's embedded server
// for MySQL DDL) and removes their temporary files. Call it once, after the last load and before
// the process ends; a load after it fails.
void release_resources();
// One comparison of two local paths, nothing filtered.
CheckResult check(const std::string& old_path, const std::string& new_path,
                  const CheckOptions& options);

// A whole run as the CLI performs it: either side may be a git ref, breakwater.yaml decides
// modules and filters, inline suppressions and a baseline mark what no longer counts.
struct RunOptions {
  std::string old_input;       // file, directory or git:REF[:PATH]; "" with `against`
  std::string new_input;       // file, directory or git:REF[:PATH]; "" = every module of the repo
  std::string against;         // git ref: OLD is NEW's paths at this ref
  // merge-base: a branch named by `against` is compared at its merge base with HEAD (what a
  // pull request's diff shows; tags and commits are always exact); exact: at the ref itself.
  std::string against_mode = "merge-base";
  std::string config;          // breakwater.yaml / buf.yaml; "" = found upward from NEW
  std::string baseline;        // baseline file; "" = the config's, if it names one
  bool apply_baseline = true;  // false when writing a new baseline
  // false: the loaded models are never freed. A process that exits right after the run skips
  // tearing down millions of nodes (a tenth of a big JSON Schema check).
  bool free_models = true;
  CheckOptions options;  // use/except/compat given here override the config's
};

struct RunResult {
  CheckResult result;
  std::string source_root;            // the directory finding paths are relative to
  std::string fail_on;                // the config's fail_on, "" when it sets none
  std::vector<std::string> warnings;  // `path:line:col: warning: ...` lines for stderr
};

RunResult run(const RunOptions& options);
// The baseline file recording every unsuppressed finding of `result`.
std::string baseline_for(const CheckResult& result);

}  // namespace breakwater
