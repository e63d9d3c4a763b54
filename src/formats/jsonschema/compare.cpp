// JSON Schema compatibility as set inclusion: for every pair of schemas met at the same place,
// is every document the narrow side (A) accepts also accepted by the wide side (B)? Backward
// compares A = OLD with B = NEW, forward the other way round. Keyword families are compared on
// what they accept, not on their text; pairs are memoised, so recursive schemas terminate and a
// shared definition is reported once.
// This file is the pair walk itself: references followed, pairs memoised (recursion assumed to
// hold until shown otherwise), chains too deep deferred, and the direction turned into OLD/NEW
// words when a finding is emitted. The keyword families live in compare_*.cpp (comparer.hpp).
#include "formats/jsonschema/compare.hpp"
#include "rule_ids/jsonschema.hpp"

#include "core/big_stack.hpp"
#include "core/trace.hpp"
#include "formats/jsonschema/comparer.hpp"
#include "formats/jsonschema/compare_wording.hpp"
#include "formats/jsonschema/fingerprint.hpp"
#include "formats/jsonschema/schema_slots.hpp"

#include <algorithm>
#include <string>
#include <tuple>

namespace breakwater::jsonschema {
namespace {

// ---- schemas written the same way ----
// Equal fingerprints: the two schemas spell the same keywords with the same values and the
// same subschema slots; only what their $refs lead to may differ (a fingerprint holds a
// reference's name, not its target). Where every subschema slot constrains monotonically
// (a wider subschema never rejects more), A fits B when each subschema fits its counterpart,
// so the keyword-by-keyword comparison can be skipped. Slots where that fails are left to
// it: not, if, oneOf (exactly one), contains (maxContains counts matches), and the
// unevaluated keywords and anyOf/allOf, whose findings are worded for the combinator.
bool monotone_slot(std::string_view key) {
  for (std::string_view prefix :
       {"properties/", "patternProperties/", "prefixItems/", "dependentSchemas/", "$defs/"}) {
    if (key.starts_with(prefix)) return true;
  }
  return key == "items" || key == "additionalProperties" || key == "propertyNames";
}

bool same_words(const Entity& a, const Entity& b) {
  if (!holds_refs(a) || !fingerprint(a) || fingerprint(a) != fingerprint(b)) return false;
  if (a.has("ref") || a.has("allOf") || a.has("anyOf") || a.has("oneOf")) return false;
  if (a.children.size() != b.children.size()) return false;
  for (size_t i = 0; i < a.children.size(); ++i) {
    const Entity& c = a.children[i];
    if (c.kind != b.children[i].kind || c.key != b.children[i].key) return false;
    if (c.kind == "schema" && !monotone_slot(c.key)) return false;
  }
  return true;
}

}  // namespace

Comparer::Comparer(const Schema& a_schema, const Schema& b_schema, bool forward,
                   const detail::RuleSelection& on, detail::Emitter& out)
    : forward_(forward), on_(on), out_(out), a_targets_(a_schema), b_targets_(b_schema) {
  memo_.reserve(1 << 16);
}

void Comparer::files(const Schema& a_schema, const Schema& b_schema) {
  for (const Entity& a : a_schema.roots) {
    bool paired = false;
    for (const Entity& b : b_schema.roots) {
      if (a.key != b.key) continue;
      paired = true;
      compare(&a, &b, true);
    }
    // An input file of OLD gone from NEW (backward: a file only NEW has breaks no reader).
    if (!paired && !forward_ && a.kind == "schema_file" &&
        on_.on(rules::jsonschema::SCHEMA_FILE_NO_DELETE)) {
      out_.emit(rules::jsonschema::SCHEMA_FILE_NO_DELETE, a.key,
                "Schema file " + q(a.key) + " was deleted.", {}, a.loc);
    }
  }
  // Pairs met too deep in a chain of references are compared here, each from a fresh stack.
  while (!deferred_.empty()) {
    const auto [a, b] = deferred_.back();
    deferred_.pop_back();
    memo_.erase(std::make_tuple(a, b, true));
    lowest_ = kNoAssumption;
    compare(a, b, true);
  }
}

const Entity* Comparer::target(const Entity* e, bool b_side) {
  const auto cached = targets_.find(e);
  if (cached != targets_.end()) return cached->second;
  const Entity* t = (b_side ? b_targets_ : a_targets_).find(e->str("ref"));
  targets_.emplace(e, t);
  return t;
}

const Entity* Comparer::deref(const Entity* e, bool b_side) {
  for (int hops = 0; e != nullptr && pure_ref(*e) && hops < 1000000; ++hops) {
    const Entity* t = target(e, b_side);
    if (t == nullptr) break;
    e = t;
  }
  return e;
}

void Comparer::emit(RuleId rule, const Entity& a, const Entity& b, std::string_view keyword,
                    std::string message) {
  const SourceRef a_at = keyword.empty() ? a.loc : a.loc_of(keyword);
  const SourceRef b_at = keyword.empty() ? b.loc : b.loc_of(keyword);
  emit_at(rule, a, b, a_at, b_at, keyword, std::move(message));
}

void Comparer::emit_at(RuleId rule, const Entity& a, const Entity& b, SourceRef a_at,
                       SourceRef b_at, std::string_view what, std::string message) {
  if (!reporting_ || !on_.on(rule)) return;
  std::string entity = new_side(a, b).name;
  if (!what.empty()) entity += "/" + std::string(what);
  // A location inside combinators, named as the property a user knows it by.
  if (const std::string path = property_path(new_side(a, b).name); !path.empty()) {
    const size_t end = message.ends_with('.') ? message.size() - 1 : message.size();
    message.insert(end, " (property " + q(path) + ")");
  }
  if (forward_) message += " (forward: readers on OLD reject documents NEW allows)";
  out_.emit(rule, entity, std::move(message), forward_ ? a_at : b_at, forward_ ? b_at : a_at);
}

bool Comparer::compare(const Entity* a, const Entity* b, bool report) {
  a = deref(a, false);
  b = deref(b, true);
  if (a == nullptr || b == nullptr) return true;
  // Unchanged and self-contained: nothing to compare.
  if (const auto fa = fingerprint(*a); fa && !holds_refs(*a) && fa == fingerprint(*b)) return true;
  const auto key = std::make_tuple(a, b, report);
  if (const auto it = memo_.find(key); it != memo_.end()) {
    Memo& m = it->second;
    if (m.state == Memo::in_progress || m.state == Memo::provisional) {
      // Optimistic: it holds unless the pair it waits on fails (see below).
      if (m.state == Memo::in_progress) m.hit = true;
      lowest_ = std::min(lowest_, m.depth);
      return true;
    }
    return m.state == Memo::holds;
  }
  // References can chain without end (d1 -> d2 -> ... -> d20000): past a depth the pair is
  // assumed to hold for now and, when reporting, compared later from the top.
  if (depth_ >= kMaxDepth) {
    if (!report) return false;  // unknown: never let it hide a break
    memo_[key] = Memo{Memo::deferred, kNoAssumption, false};
    deferred_.emplace_back(a, b);
    return true;
  }
  // In progress: a recursive pair is assumed to hold until shown otherwise. A result that
  // leaned on that assumption is provisional until the assumed pair is settled: if it fails,
  // every provisional answer is dropped and worked out again.
  const int own = depth_;
  const size_t first_provisional = provisional_.size();
  memo_[key] = Memo{Memo::in_progress, own, false};
  const int saved_lowest = lowest_;
  lowest_ = kNoAssumption;
  const bool saved = reporting_;
  reporting_ = report;
  ++depth_;
  const bool ok = compare_now(*a, *b);
  --depth_;
  reporting_ = saved;
  const int leaned_on = lowest_;
  Memo& m = memo_[key];
  const bool was_hit = m.hit;
  // Answers given while this pair was in progress (and only those) may have assumed it.
  settle_provisional(first_provisional, own, ok || !was_hit);
  if (!ok) {
    m = Memo{Memo::fails, own, false};
  } else if (leaned_on < own) {
    m = Memo{Memo::provisional, leaned_on, false};
    provisional_.push_back(key);
  } else {
    m = Memo{Memo::holds, own, false};
  }
  lowest_ = std::min(saved_lowest, leaned_on < own ? leaned_on : kNoAssumption);
  return ok;
}

// The pair at depth `own` is settled. Provisional answers given since it started that
// assumed nothing shallower are final if it held (`valid`); if it failed after being
// assumed, they are void and forgotten, to be worked out again when asked.
void Comparer::settle_provisional(size_t first, int own, bool valid) {
  size_t kept = first;
  for (size_t i = first; i < provisional_.size(); ++i) {
    const auto it = memo_.find(provisional_[i]);
    if (it == memo_.end() || it->second.state != Memo::provisional) continue;
    if (!valid) {
      memo_.erase(it);
    } else if (it->second.depth >= own) {
      it->second = Memo{Memo::holds, own, false};
    } else {
      provisional_[kept++] = provisional_[i];
    }
  }
  provisional_.resize(kept);
}

bool Comparer::compare_now(const Entity& a, const Entity& b) {
  if (accepts_all(&b) || is_false(&a)) return true;
  if (same_words(a, b)) return subschemas_pairwise(a, b);
  if (is_false(&b)) {
    emit(rules::jsonschema::TYPE_NO_NARROW, a, b, "",
         "The schema at " + new_side(a, b).name + " now rejects every document (false).");
    return false;
  }
  // A reference with sibling keywords: both apply.
  if (b.has("ref") && !pure_ref(b)) {
    const Entity* t = target(&b, true);
    bool ok = t == nullptr || compare(&a, t, reporting_);
    ok = combinators(a, b) && ok;
    return families(a, b) && ok;
  }
  if (a.has("ref") && !pure_ref(a)) {
    const Entity* t = target(&a, false);
    if (t != nullptr && holds(t, &b)) return true;
  }
  // A must satisfy all its members: one of them fitting B is enough, and so is their
  // intersection where it can be written as one schema.
  for (const Entity* m : slots(a, "allOf")) {
    if (holds(m, &b)) return true;
  }
  if (a.has("allOf")) {
    if (const Entity* merged = all_of_merged(a)) return compare(merged, &b, reporting_);
  }
  bool ok = combinators(a, b);
  // A union's branches were compared one by one; what sits beside the unions still counts
  // when both sides have one.
  if ((a.has("anyOf") || a.has("oneOf")) && !b.has("anyOf") && !b.has("oneOf")) return ok;
  ok = families(a, b) && ok;
  return ok;
}

bool Comparer::subschemas_pairwise(const Entity& a, const Entity& b) {
  bool ok = true;
  for (size_t i = 0; i < a.children.size(); ++i) {
    const Entity& c = a.children[i];
    if (c.kind != "schema" || c.key.starts_with("$defs/") || c.key.starts_with("$ptr/")) continue;
    ok = compare(&c, &b.children[i], reporting_) && ok;
  }
  return ok;
}

namespace {

void compare_here(const Schema& old_schema, const Schema& new_schema, std::string_view compat,
                  const detail::RuleSelection& on, detail::Emitter& out) {
  if (compat != "forward") {
    detail::Trace trace("jsonschema compare");
    Comparer c(old_schema, new_schema, false, on, out);
    trace.lap("targets");
    c.files(old_schema, new_schema);
    trace.lap("pairs");
  }
  if (compat == "forward" || compat == "full") {
    Comparer c(new_schema, old_schema, true, on, out);
    c.files(new_schema, old_schema);
  }
}

}  // namespace

void compare(const Schema& old_schema, const Schema& new_schema, std::string_view compat,
             const detail::RuleSelection& on, detail::Emitter& out) {
  // The comparison recurses as deep as the schemas nest: on a thread with room for it.
  detail::run_on_big_stack([&] { compare_here(old_schema, new_schema, compat, on, out); });
}

}  // namespace breakwater::jsonschema
