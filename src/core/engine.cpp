#include "core/engine.hpp"

#include <breakwater/rules.hpp>

#include "core/hash.hpp"

#include <algorithm>
#include <map>

namespace breakwater::detail {

RuleSelection::RuleSelection(std::string_view format, std::vector<bool> on,
                             std::vector<std::string> requested, std::string_view policy,
                             std::vector<std::string> excepted)
    : format_(format),
      on_(std::move(on)),
      requested_(std::move(requested)),
      policy_(policy),
      excepted_(std::move(excepted)) {
  const std::vector<const RuleInfo*>& all = rules_of(format);
  for (size_t i = 0; i < on_.size() && i < all.size(); ++i) {
    if (on_[i]) ids_.push_back(all[i]->id);
  }
  std::sort(ids_.begin(), ids_.end());
}

void Emitter::emit(RuleId rule, std::string entity, std::string message, SourceRef at,
                   SourceRef old_at, std::string fix, std::vector<std::string> categories) {
  Finding f;
  f.rule_id = std::string(rule.id());
  f.categories = std::move(categories);
  f.entity = std::move(entity);
  f.message = std::move(message);
  // Something gone from NEW: the format's nearest surviving parent (`at`), else the NEW file
  // at the place OLD's file had (the file as a whole), else the OLD place itself.
  f.location = new_.resolve(at.known() ? at : same_place_in_new(old_at));
  f.old_location = old_.resolve(old_at);
  if (!f.location.known()) f.location = f.old_location;
  f.fix = std::move(fix);
  findings_.push_back({rule, std::move(f)});
}

namespace {

// A file's path under its input ("" for a single-file input: the input itself).
std::string under_root(const std::string& file, std::string root) {
  while (!root.empty() && root.back() == '/') root.pop_back();
  if (file == root) return {};
  if (!root.empty() && file.starts_with(root + "/")) return file.substr(root.size() + 1);
  return file;
}

}  // namespace

SourceRef Emitter::same_place_in_new(SourceRef old_at) const {
  if (!old_at.known() || old_at.file >= old_.files.size()) return {};
  const std::string rel = under_root(old_.files[old_at.file], old_.root);
  for (uint32_t i = 1; i < new_.files.size(); ++i) {
    const std::string& file = new_.files[i];
    // Paths may be shown relative to a repository while the input is named otherwise.
    if (under_root(file, new_.root) == rel || (!rel.empty() && file.ends_with("/" + rel)))
      return SourceRef{i, 0, 0};
  }
  return {};
}

SourceRef Emitter::removed_in_new(std::string_view entity, SourceRef otherwise) const {
  const auto it = new_.removed_at.find(entity);
  return it != new_.removed_at.end() ? it->second : otherwise;
}

void Emitter::append(Emitter&& other) {
  findings_.insert(findings_.end(), std::make_move_iterator(other.findings_.begin()),
                   std::make_move_iterator(other.findings_.end()));
  other.findings_.clear();
}

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

// Adds or removes the rules a token names (a category or a rule id of this format).
void apply_token(const FormatPlugin& format, const std::string& token, const char* flag,
                 std::vector<bool>& on, bool add) {
  bool known = false;
  const std::vector<const RuleInfo*>& all = rules_of(format.name);
  for (size_t i = 0; i < all.size(); ++i) {
    const RuleInfo& r = *all[i];
    const bool named = r.id == token || std::find(r.categories.begin(), r.categories.end(),
                                                  token) != r.categories.end();
    if (!named) continue;
    known = true;
    if (!r.available) continue;
    on[i] = add;
  }
  if (!known) {
    throw InputError({}, std::string(flag) + ": unknown rule or category '" + token + "' for " +
                             std::string(format.name) + " (categories: " +
                             joined(categories_of(format.name)) + "; see `breakwater rules`)");
  }
}

}  // namespace

const std::vector<const RuleInfo*>& rules_of(std::string_view format) {
  // Built once from the sorted catalog: a format's entries in id order, which is the order
  // cmake/generate_rule_ids.cmake numbers them in (the catalog test holds the two together).
  static const auto by_format = [] {
    std::map<std::string, std::vector<const RuleInfo*>, std::less<>> out;
    for (const RuleInfo& r : catalog()) out[r.format].push_back(&r);
    return out;
  }();
  static const std::vector<const RuleInfo*> none;
  auto it = by_format.find(format);
  return it == by_format.end() ? none : it->second;
}

const RuleInfo& rule_info(RuleId rule) {
  return *rules_of(rule.format()).at(rule.ordinal());
}

void finish_finding(Finding& f, const RuleInfo& rule) {
  f.severity = rule.severity;
  // A check may judge one change under fewer of its rule's categories, never others.
  std::erase_if(f.categories, [&](const std::string& c) {
    return std::find(rule.categories.begin(), rule.categories.end(), c) == rule.categories.end();
  });
  if (f.categories.empty()) f.categories = rule.categories;
  f.format = rule.format;
  if (f.fix.empty()) f.fix = rule.fix;
  f.fingerprint = stable_hash_hex(f.rule_id + '\n' + f.format + '\n' + f.entity + '\n' + f.message);
}

bool finish_finding(Finding& f) {
  const RuleInfo* rule = find_rule(f.rule_id);
  if (rule == nullptr) return false;
  finish_finding(f, *rule);
  return true;
}

RuleSelection select_rules(const FormatPlugin& format, const std::vector<std::string>& use,
                           const std::vector<std::string>& except, std::string_view policy) {
  std::vector<bool> on(rules_of(format.name).size(), false);
  std::vector<std::string> wanted = use;
  if (wanted.empty()) wanted.assign(format.default_use.begin(), format.default_use.end());
  for (const auto& token : wanted) apply_token(format, token, "--use", on, true);
  for (const auto& token : except) apply_token(format, token, "--except", on, false);
  return RuleSelection(format.name, std::move(on), std::move(wanted), policy, except);
}

bool RuleSelection::counts(RuleId rule) const {
  if (!on(rule)) return false;
  if (policy_.empty()) return true;
  const auto& quiet = rule_info(rule).quiet_under;
  return std::find(quiet.begin(), quiet.end(), policy_) == quiet.end();
}

std::vector<Finding> run_rules(const FormatPlugin& format, const Schema& old_schema,
                               const Schema& new_schema, const RuleSelection& enabled,
                               const RunContext& context) {
  Emitter emitter(old_schema, new_schema);
  format.run(old_schema, new_schema, enabled, context, emitter);
  std::vector<Emitter::Raw> raw = emitter.take();
  std::vector<Finding> findings;
  findings.reserve(raw.size());
  for (Emitter::Raw& r : raw) {
    if (!enabled.on(r.rule)) continue;
    const RuleInfo& rule = rule_info(r.rule);
    if (!enabled.policy().empty() && std::find(rule.quiet_under.begin(), rule.quiet_under.end(),
                                               enabled.policy()) != rule.quiet_under.end())
      continue;
    finish_finding(r.finding, rule);
    // Selected through a category, a finding goes only where its own categories do: under
    // `--use API` a method made const (ABI only) is not reported; a rule named by its id keeps
    // all its findings.
    const auto& asked = enabled.requested();
    const bool by_id = std::find(asked.begin(), asked.end(), rule.id) != asked.end();
    const bool by_category = std::any_of(
        r.finding.categories.begin(), r.finding.categories.end(),
        [&](const std::string& c) { return std::find(asked.begin(), asked.end(), c) != asked.end(); });
    if (!by_id && !by_category) continue;
    findings.push_back(std::move(r.finding));
  }
  sort_and_dedupe(findings);
  return findings;
}

}  // namespace breakwater::detail
