// The rules engine's contract with formats: a format plugs in a loader and its checks; the
// engine selects rules from the catalog, runs them, and turns raw emissions into findings.
#pragma once

#include <breakwater/check.hpp>
#include <breakwater/finding.hpp>
#include <breakwater/model.hpp>
#include <breakwater/rules.hpp>

#include "core/format_options.hpp"
#include "core/rule_id.hpp"
#include "core/suppressions.hpp"

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace breakwater::detail {

// The rules of one format a run asked for. Checks ask `on(rules::<format>::ID)`: a lookup by
// ordinal, and a rule of another format is never on.
class RuleSelection {
 public:
  RuleSelection(std::string_view format, std::vector<bool> on, std::vector<std::string> requested,
                std::string_view policy = {}, std::vector<std::string> excepted = {});
  bool on(RuleId rule) const {
    return rule.format() == format_ && rule.ordinal() < on_.size() && on_[rule.ordinal()];
  }
  // Whether a finding of `rule` would be reported: selected, and not quiet under the policy in
  // force. A check whose verdict feeds another rule (a combinator's member) asks this, so a
  // change the user turned off does not resurface under another rule's name.
  bool counts(RuleId rule) const;
  std::string_view format() const { return format_; }
  // The selected ids, sorted (for reports and suppressions).
  const std::vector<std::string>& ids() const { return ids_; }
  // The --use tokens (categories or ids) the selection came from, for rules whose strictness
  // depends on the audience the user asked about (generated code vs. wire).
  const std::vector<std::string>& requested() const { return requested_; }
  // The --except tokens.
  const std::vector<std::string>& excepted() const { return excepted_; }
  // The --policy in force ("" = strict): findings of rules whose catalog entry lists it under
  // `quiet_under` are dropped.
  std::string_view policy() const { return policy_; }

 private:
  std::string_view format_;
  std::vector<bool> on_;  // by ordinal
  std::vector<std::string> ids_;
  std::vector<std::string> requested_;
  std::string policy_;
  std::vector<std::string> excepted_;
};

// Collects what checks report. Checks speak in the model's SourceRefs; the emitter resolves
// them against the right schema so findings carry plain paths.
class Emitter {
 public:
  Emitter(const Schema& old_schema, const Schema& new_schema)
      : old_(old_schema), new_(new_schema) {}
  // `at` is in NEW: the element, or for one gone from NEW its nearest surviving parent when the
  // format knows one ({} otherwise: see same_place_in_new); `old_at` is in OLD.
  // `categories`: those of the rule's that this change deserves, when fewer than the rule's
  // (a method made const breaks binaries, not sources: {"ABI"} of METHOD_QUALIFIER_NO_CHANGE's
  // API and ABI); empty = all of the rule's.
  void emit(RuleId rule, std::string entity, std::string message, SourceRef at, SourceRef old_at,
            std::string fix = {}, std::vector<std::string> categories = {});
  struct Raw {
    RuleId rule;
    Finding finding;
  };
  std::vector<Raw> take() { return std::move(findings_); }
  // The one anchoring policy for what is gone from NEW, when the format found no surviving
  // parent: the NEW file at the place OLD's file had under its input (as a whole), else nothing
  // (the finding then points at its OLD place).
  SourceRef same_place_in_new(SourceRef old_at) const;
  // For an element gone from NEW: the NEW statement that removed it when the format recorded
  // one (Schema::removed_at), else `otherwise`.
  SourceRef removed_in_new(std::string_view entity, SourceRef otherwise) const;
  void append(Emitter&& other);

 private:
  const Schema& old_;
  const Schema& new_;
  std::vector<Raw> findings_;
};

// A module found in a repository without `modules:` in its config.
struct DiscoveredModule {
  std::string path;                  // repository-relative directory (or file) to load
  std::vector<std::string> include;  // extra import roots, repository-relative
  std::string config;                // a format-native config governing it (buf.yaml), or ""
};

// What a run asks of a format beyond the rule selection.
struct RunContext {
  unsigned jobs = 0;        // worker threads; 0 = the machine's
  std::string_view compat;  // backward | forward | full (the format's default when empty)
};

struct FormatPlugin {
  std::string_view name;                  // catalog format name, e.g. "protobuf"
  std::string_view lang;                  // how help and messages spell it for --lang: "proto"
  std::vector<std::string_view> aliases;  // other --lang spellings
  std::vector<std::string_view> default_use;
  // True when the path (a file, or a directory holding such files) is this format's input.
  bool (*claims)(const std::filesystem::path& path);
  // The format's own options (config keys, flags): declared here, read by `read_options` into
  // the struct `load` receives. Null `read_options`: the format has none.
  std::vector<OptionSpec> options = {};
  std::unique_ptr<FormatOptions> (*read_options)(const OptionValues& values) = nullptr;
  Schema (*load)(const std::string& path, const LoadOptions& options, const FormatOptions& own);
  // Runs the selected checks (on up to `jobs` threads; the emitted order must not depend on it).
  void (*run)(const Schema& old_schema, const Schema& new_schema, const RuleSelection& enabled,
              const RunContext& context, Emitter& out);
  // File name endings of this format's inputs (for exporting git trees and for discovery).
  std::vector<std::string_view> extensions;
  // When set, a directory input that other formats also read is this format's only when it has
  // this name (C++: `include`, the public header root; a project's other headers are private).
  std::string_view directory_name = {};
  // Line-comment markers that can carry `breakwater:ignore` (empty: the format has none).
  std::vector<std::string_view> comment_markers;
  // For formats whose suppressions are not comments (JSON Schema's "x-breakwater-ignore"):
  // finds them in one NEW file's text, shown to users as `path`. Null: scan comment_markers.
  std::vector<InlineSuppression> (*find_suppressions)(std::string_view text,
                                                      const std::string& path) = nullptr;
  // Groups a repository's files (repository-relative, sorted) into modules; reads files under
  // `workdir` when it needs to (e.g. a package statement).
  std::vector<DiscoveredModule> (*discover)(const std::string& workdir,
                                            const std::vector<std::string>& files);
  // --compat directions the format understands; the first is its default.
  std::vector<std::string_view> compat = {"backward"};
  // Whether OLD and NEW may load at the same time on two threads (the loader keeps no
  // process-wide state). Protobuf's loader is parallel inside and trims the heap afterwards.
  bool parallel_sides = false;
  // Whether a finding is about an unstable package or version (buf's
  // `ignore_unstable_packages`: alpha, beta and test packages); null: the format has none.
  bool (*unstable)(const Finding& finding) = nullptr;
  // The language name of Markdown code fences showing this format's text (SARIF help).
  std::string_view fence_language = {};
  // A commented module entry for the starter breakwater.yaml (`breakwater init`).
  std::string_view starter_module = {};
  // Folders outside the repository the format reads from, read-only (protobuf's well-known
  // types); every other read stays inside the run's roots (core/read_input.hpp).
  std::vector<std::string_view> system_folders = {};
  // Stops what the loader started for the whole process (MariaDB's embedded server); run by
  // release_resources(). Null: the format starts nothing.
  void (*release)() = nullptr;
};

const std::vector<const FormatPlugin*>& formats();
const FormatPlugin* find_format(std::string_view name_or_alias);
// The --lang spellings of every format, in registry order: "proto, sql, jsonschema, cpp".
std::string lang_names();
// The format of `path` (by --lang when given, else by asking each format); InputError if none.
const FormatPlugin& format_for(const std::string& path, const std::string& lang);

// Expands --use/--except (rule ids or category names) into rule ids; unknown names are usage
// errors (InputError). Unavailable rules are never selected.
RuleSelection select_rules(const FormatPlugin& format, const std::vector<std::string>& use,
                           const std::vector<std::string>& except, std::string_view policy = {});

// The catalog entry of a rule.
const RuleInfo& rule_info(RuleId rule);
// A format's catalog entries in ordinal order.
const std::vector<const RuleInfo*>& rules_of(std::string_view format);

// Fills a raw finding from its catalog entry (severity, categories, format, default fix) and
// gives it its fingerprint. False when the rule is not in the catalog.
bool finish_finding(Finding& f);
void finish_finding(Finding& f, const RuleInfo& rule);

// Runs the selected checks and finishes findings from the catalog (severity, categories, fix,
// fingerprint), sorted and de-duplicated.
std::vector<Finding> run_rules(const FormatPlugin& format, const Schema& old_schema,
                               const Schema& new_schema, const RuleSelection& enabled,
                               const RunContext& context = {});

}  // namespace breakwater::detail
