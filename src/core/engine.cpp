#include "core/engine.hpp"

#include <breakwater/rules.hpp>

#include "core/hash.hpp"

#include <algorithm>

namespace breakwater::detail {

void Emitter::emit(std::string_view rule_id, std::string entity, std::string message, SourceRef at,
                   SourceRef old_at, std::string fix) {
  Finding f;
  f.rule_id = std::string(rule_id);
  f.entity = std::move(entity);
  f.message = std::move(message);
  f.location = new_.resolve(at);
  f.old_location = old_.resolve(old_at);
  // Nothing in NEW to point at (a deleted file or package): the OLD place is the best anchor.
  if (!f.location.known()) f.location = f.old_location;
  f.fix = std::move(fix);
  findings_.push_back(std::move(f));
}

void Emitter::append(Emitter&& other) {
  findings_.insert(findings_.end(), std::make_move_iterator(other.findings_.begin()),
                   std::make_move_iterator(other.findings_.end()));
  other.findings_.clear();
}

const FormatPlugin* find_format(std::string_view name_or_alias) {
  for (const FormatPlugin* f : formats()) {
    if (f->name == name_or_alias) return f;
    for (std::string_view a : f->aliases) {
      if (a == name_or_alias) return f;
    }
  }
  return nullptr;
}

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

// Adds or removes the rules a token names (a category or a rule id of this format).
void apply_token(const FormatPlugin& format, const std::string& token, const char* flag,
                 std::set<std::string, std::less<>>& ids, bool add) {
  bool known = false;
  for (const RuleInfo& r : catalog()) {
    if (r.format != format.name) continue;
    const bool named = r.id == token || std::find(r.categories.begin(), r.categories.end(),
                                                  token) != r.categories.end();
    if (!named) continue;
    known = true;
    if (!r.available) continue;
    if (add) {
      ids.insert(r.id);
    } else {
      ids.erase(r.id);
    }
  }
  if (!known) {
    throw InputError({}, std::string(flag) + ": unknown rule or category '" + token + "' for " +
                             std::string(format.name) + " (categories: " +
                             joined(categories_of(format.name)) + "; see `breakwater rules`)");
  }
}

}  // namespace

bool finish_finding(Finding& f) {
  const RuleInfo* rule = find_rule(f.rule_id);
  if (rule == nullptr) return false;
  f.severity = rule->severity;
  f.categories = rule->categories;
  f.format = rule->format;
  if (f.fix.empty()) f.fix = rule->fix;
  f.fingerprint = stable_hash_hex(f.rule_id + '\n' + f.format + '\n' + f.entity + '\n' + f.message);
  return true;
}

RuleSelection select_rules(const FormatPlugin& format, const std::vector<std::string>& use,
                           const std::vector<std::string>& except) {
  std::set<std::string, std::less<>> ids;
  std::vector<std::string> wanted = use;
  if (wanted.empty()) wanted.assign(format.default_use.begin(), format.default_use.end());
  for (const auto& token : wanted) apply_token(format, token, "--use", ids, true);
  for (const auto& token : except) apply_token(format, token, "--except", ids, false);
  return RuleSelection(std::move(ids), std::move(wanted));
}

std::vector<Finding> run_rules(const FormatPlugin& format, const Schema& old_schema,
                               const Schema& new_schema, const RuleSelection& enabled,
                               const RunContext& context) {
  Emitter emitter(old_schema, new_schema);
  format.run(old_schema, new_schema, enabled, context, emitter);
  std::vector<Finding> raw = emitter.take();
  std::vector<Finding> findings;
  findings.reserve(raw.size());
  for (Finding& f : raw) {
    if (!enabled.on(f.rule_id) || !finish_finding(f)) continue;
    findings.push_back(std::move(f));
  }
  sort_and_dedupe(findings);
  return findings;
}

}  // namespace breakwater::detail
