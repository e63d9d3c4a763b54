// JSON Schema compatibility as set inclusion: for every pair of schemas met at the same place,
// is every document the narrow side (A) accepts also accepted by the wide side (B)? Backward
// compares A = OLD with B = NEW, forward the other way round. Keyword families are compared on
// what they accept, not on their text; pairs are memoised, so recursive schemas terminate and a
// shared definition is reported once.
#include "formats/jsonschema/compare.hpp"
#include "rule_ids/jsonschema.hpp"

#include "core/big_stack.hpp"
#include "core/trace.hpp"
#include "formats/jsonschema/fingerprint.hpp"
#include "formats/jsonschema/intersect.hpp"
#include "formats/jsonschema/schema_values.hpp"
#include "formats/jsonschema/targets.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

namespace breakwater::jsonschema {
namespace {

std::string q(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

std::string number_text(double d) {
  if (d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  std::string s = std::to_string(d);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

const Entity* slot(const Entity& e, std::string_view key) {
  for (const Entity& c : e.children) {
    if (c.kind == "schema" && c.key == key) return &c;
  }
  return nullptr;
}

std::vector<const Entity*> slots(const Entity& e, std::string_view prefix) {
  std::vector<const Entity*> out;
  for (const Entity& c : e.children) {
    if (c.kind == "schema" && c.key.size() > prefix.size() && c.key.starts_with(prefix) &&
        c.key[prefix.size()] == '/') {
      out.push_back(&c);
    }
  }
  return out;
}

std::string_view slot_name(const Entity& e) {
  return std::string_view(e.key).substr(e.key.find('/') + 1);
}

std::set<std::string> keys_of(const Entity& e, std::string_view kind) {
  std::set<std::string> out;
  for (const Entity& c : e.children) {
    if (c.kind == kind) out.insert(c.key);
  }
  return out;
}

bool is_false(const Entity* e) {
  return e != nullptr && e->has("always") && !e->flag("always");
}

// Annotations and bookkeeping: attributes that constrain nothing.
bool annotation(std::string_view attr) {
  return attr == "default" || attr == "hash" || attr == "enum" || attr == "allOf" ||
         attr == "anyOf" || attr == "oneOf";
}

// `true`, `{}` or a schema with annotations only: accepts every document.
bool accepts_all(const Entity* e) {
  if (e == nullptr) return true;
  if (e->has("always")) return e->flag("always");
  for (const Attr& a : e->attrs) {
    if (!annotation(a.name)) return false;
  }
  for (const Entity& c : e->children) {
    if (c.kind != "schema" || !c.key.starts_with("$defs/")) return false;
  }
  return true;
}

// Only a $ref (plus definitions and annotations): the schema is its target.
bool pure_ref(const Entity& e) {
  if (!e.has("ref")) return false;
  for (const Attr& a : e.attrs) {
    if (a.name != "ref" && !annotation(a.name)) return false;
  }
  for (const Entity& c : e.children) {
    if (c.kind != "schema" || !c.key.starts_with("$defs/")) return false;
  }
  return true;
}

TypeSet types_of(const Entity& e) {
  return TypeSet::of(e);
}

// Whether a schema whose `type` is `types` can accept a value of JSON type `t`.
bool allows(const TypeSet& types, std::string_view t) {
  return types.has(t) || (t == "integer" && types.has("number"));
}

// The JSON type of a canonical value ("3" -> integer, "\"x\"" -> string...).
std::string type_of_value(std::string_view v) {
  if (v.empty()) return "null";
  if (v.front() == '"') return "string";
  if (v.front() == '{') return "object";
  if (v.front() == '[') return "array";
  if (v == "true" || v == "false") return "boolean";
  if (v == "null") return "null";
  return v.find_first_of(".eE") == std::string_view::npos ? "integer" : "number";
}

std::string bound_text(std::optional<Bound> b, bool low) {
  if (!b) return "none";
  return std::string(low ? (b->exclusive ? "> " : ">= ") : (b->exclusive ? "< " : "<= ")) +
         number_text(b->value);
}

class Comparer {
 public:
  Comparer(const Schema& a_schema, const Schema& b_schema, bool forward,
           const detail::RuleSelection& on, detail::Emitter& out)
      : forward_(forward),
        on_(on),
        out_(out),
        a_targets_(a_schema),
        b_targets_(b_schema) {
    memo_.reserve(1 << 16);
  }

  void files(const Schema& a_schema, const Schema& b_schema) {
    for (const Entity& a : a_schema.roots) {
      for (const Entity& b : b_schema.roots) {
        if (a.key == b.key) compare(&a, &b, true);
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

 private:
  const Entity* target(const Entity* e, bool b_side) {
    const auto cached = targets_.find(e);
    if (cached != targets_.end()) return cached->second;
    const Entity* t = (b_side ? b_targets_ : a_targets_).find(e->str("ref"));
    targets_.emplace(e, t);
    return t;
  }

  // Pure references are followed to their target (a cycle of them is refused when loading).
  const Entity* deref(const Entity* e, bool b_side) {
    for (int hops = 0; e != nullptr && pure_ref(*e) && hops < 1000000; ++hops) {
      const Entity* t = target(e, b_side);
      if (t == nullptr) break;
      e = t;
    }
    return e;
  }

  // ---- reporting ----
  const Entity& new_side(const Entity& a, const Entity& b) const { return forward_ ? a : b; }

  void emit(RuleId rule, const Entity& a, const Entity& b, std::string_view keyword,
            std::string message) {
    const SourceRef a_at = keyword.empty() ? a.loc : a.loc_of(keyword);
    const SourceRef b_at = keyword.empty() ? b.loc : b.loc_of(keyword);
    emit_at(rule, a, b, a_at, b_at, keyword, std::move(message));
  }

  // With the places on each side given: `a_at` in A's schema, `b_at` in B's.
  void emit_at(RuleId rule, const Entity& a, const Entity& b, SourceRef a_at, SourceRef b_at,
               std::string_view what, std::string message) {
    if (!reporting_ || !on_.on(rule)) return;
    std::string entity = new_side(a, b).name;
    if (!what.empty()) entity += "/" + std::string(what);
    if (forward_) message += " (forward: readers on OLD reject documents NEW allows)";
    out_.emit(rule, entity, std::move(message), forward_ ? a_at : b_at, forward_ ? b_at : a_at);
  }

  // Going forward, what A gained B lost: the words follow the edit as it was made.
  const char* added() const { return forward_ ? "removed" : "added"; }
  const char* removed() const { return forward_ ? "added" : "removed"; }

  // "was X, now Y" in OLD/NEW terms whatever the direction.
  std::string change(const std::string& a_value, const std::string& b_value) const {
    const std::string& old_value = forward_ ? b_value : a_value;
    const std::string& new_value = forward_ ? a_value : b_value;
    return "from " + old_value + " to " + new_value;
  }

  // ---- the comparison ----
  // Whether everything A accepts, B accepts. With `report`, what does not is emitted.
  bool compare(const Entity* a, const Entity* b, bool report) {
    a = deref(a, false);
    b = deref(b, true);
    if (a == nullptr || b == nullptr) return true;
    // Unchanged and self-contained: nothing to compare.
    if (const auto fa = fingerprint(*a); fa && !holds_refs(*a) && fa == fingerprint(*b))
      return true;
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
  void settle_provisional(size_t first, int own, bool valid) {
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

  bool holds(const Entity* a, const Entity* b) { return compare(a, b, false); }

  bool compare_now(const Entity& a, const Entity& b) {
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

  // ---- schemas written the same way ----
  // Equal fingerprints: the two schemas spell the same keywords with the same values and the
  // same subschema slots; only what their $refs lead to may differ (a fingerprint holds a
  // reference's name, not its target). Where every subschema slot constrains monotonically
  // (a wider subschema never rejects more), A fits B when each subschema fits its counterpart,
  // so the keyword-by-keyword comparison can be skipped. Slots where that fails are left to
  // it: not, if, oneOf (exactly one), contains (maxContains counts matches), and the
  // unevaluated keywords and anyOf/allOf, whose findings are worded for the combinator.
  static bool monotone_slot(std::string_view key) {
    for (std::string_view prefix :
         {"properties/", "patternProperties/", "prefixItems/", "dependentSchemas/", "$defs/"}) {
      if (key.starts_with(prefix)) return true;
    }
    return key == "items" || key == "additionalProperties" || key == "propertyNames";
  }

  static bool same_words(const Entity& a, const Entity& b) {
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

  bool subschemas_pairwise(const Entity& a, const Entity& b) {
    bool ok = true;
    for (size_t i = 0; i < a.children.size(); ++i) {
      const Entity& c = a.children[i];
      if (c.kind != "schema" || c.key.starts_with("$defs/")) continue;
      ok = compare(&c, &b.children[i], reporting_) && ok;
    }
    return ok;
  }

  // ---- intersections ----
  // An A-side schema with allOf, as one schema: its own keywords and every member's. Made
  // once per schema and kept for the comparer's lifetime (memo keys are addresses).
  const Entity* all_of_merged(const Entity& a) {
    const auto [it, fresh] = merged_.try_emplace(&a);
    if (!fresh) return it->second.get();
    Entity own = a;
    own.loc = a.loc_of("allOf");  // what is said of the whole is said of the allOf
    std::erase_if(own.attrs, [](const Attr& x) { return x.name == "allOf" || x.name == "hash"; });
    std::erase_if(own.children, [](const Entity& c) { return c.key.starts_with("allOf/"); });
    std::optional<Entity> merged = std::move(own);
    for (const Entity* m : slots(a, "allOf")) {
      const Entity* member = deref(m, false);
      if (member == nullptr || !(merged = intersect(*merged, *member))) break;
    }
    if (merged) it->second = std::make_unique<Entity>(std::move(*merged));
    return it->second.get();
  }

  // What every schema in `list` accepts, as one schema where it can be written so.
  const Entity* conjunction(const std::vector<const Entity*>& list) {
    if (list.size() == 1) return list.front();
    // Made once per list: a fresh address each time would defeat the memo (and recursion).
    const auto [it, fresh] = conjunctions_.try_emplace(list);
    if (!fresh) return it->second.get();
    std::optional<Entity> merged;
    for (const Entity* x : list) {
      const Entity* schema = deref(x, false);  // the lists hold A-side schemas
      if (schema == nullptr) return nullptr;
      merged = merged ? intersect(*merged, *schema) : std::optional<Entity>(*schema);
      if (!merged) break;
    }
    if (merged) it->second = std::make_unique<Entity>(std::move(*merged));
    return it->second.get();
  }

  // Whether every document all of `list` accept, `target` accepts.
  bool covers(const std::vector<const Entity*>& list, const Entity* target) {
    for (const Entity* x : list) {
      if (holds(x, target)) return true;
    }
    const Entity* both = list.size() > 1 ? conjunction(list) : nullptr;
    return both != nullptr && holds(both, target);
  }

  // ---- allOf / anyOf / oneOf / not / if ----
  bool combinators(const Entity& a, const Entity& b) {
    bool ok = true;
    const char* a_union = a.has("anyOf") ? "anyOf" : a.has("oneOf") ? "oneOf" : nullptr;
    const char* b_union = b.has("anyOf") ? "anyOf" : b.has("oneOf") ? "oneOf" : nullptr;
    // anyOf -> oneOf rejects documents that match several branches; a single old branch, or
    // new branches that cannot overlap (disjoint types), leave nothing to reject.
    if (a_union != nullptr && b_union != nullptr && std::string_view(a_union) == "anyOf" &&
        std::string_view(b_union) == "oneOf" && slots(a, a_union).size() > 1 &&
        !disjoint_types(slots(b, b_union))) {
      emit(rules::jsonschema::COMBINATOR_NO_CHANGE, a, b, b_union,
           "anyOf became oneOf at " + new_side(a, b).name +
               ": a document matching several branches is now rejected.");
      ok = false;
    }
    if (a_union != nullptr) {
      // Each branch of A must fit B as a whole.
      const auto branches = slots(a, a_union);
      const auto targets = b_union ? slots(b, b_union) : std::vector<const Entity*>{};
      for (size_t i = 0; i < branches.size(); ++i) {
        const Entity* branch = branches[i];
        if (b_union == nullptr) {
          if (holds(branch, &b)) continue;
          if (!has_union_keywords_only(b)) {
            // B is one schema: compare the branch with it in detail.
            ok = compare(branch, &b, reporting_) && ok;
            continue;
          }
        }
        bool covered = false;
        for (const Entity* t : targets) covered = covered || holds(branch, t);
        if (covered) continue;
        ok = false;
        if (i < targets.size() && same_shape(*branch, *targets[i])) {
          compare(branch, targets[i], reporting_);
        } else {
          emit(rules::jsonschema::ANY_OF_NO_NARROW, *branch, b, b_union ? b_union : "",
               std::string("Branch ") + q(branch->key) + " of " + a_union +
                   " is accepted by no branch of the new schema at " + new_side(a, b).name + ".");
        }
      }
    } else if (b_union != nullptr) {
      // A single schema must fit one branch of B; one with several types may spread them over
      // several branches (["string","integer"] -> anyOf [string, integer]).
      bool covered = false;
      for (const Entity* t : slots(b, b_union)) covered = covered || holds(&a, t);
      if (!covered && a.has("type") && types_of(a).names().size() > 1) {
        covered = true;
        for (const std::string_view type : types_of(a).names()) {
          const Entity* part = with_type(a, type);
          bool fits = false;
          for (const Entity* t : slots(b, b_union)) fits = fits || holds(part, t);
          covered = covered && fits;
        }
      }
      if (!covered) {
        emit(rules::jsonschema::ANY_OF_NO_NARROW, a, b, b_union,
             std::string("No branch of ") + b_union + " at " + new_side(a, b).name +
                 " accepts what the schema accepted.");
        ok = false;
      }
    }
    // allOf in B: A must satisfy every member.
    const auto b_all = slots(b, "allOf");
    if (!b_all.empty()) {
      const auto a_all = slots(a, "allOf");
      for (size_t i = 0; i < b_all.size(); ++i) {
        bool implied = holds(&a, b_all[i]);
        for (const Entity* m : a_all) implied = implied || holds(m, b_all[i]);
        if (implied) continue;
        ok = false;
        if (i < a_all.size()) {
          compare(a_all[i], b_all[i], reporting_);
        } else {
          emit(rules::jsonschema::ALL_OF_NO_ADD, a, b, "allOf",
               "allOf at " + new_side(a, b).name + " gained member " + q(b_all[i]->key) +
                   ", which documents must now satisfy too.");
        }
      }
    }
    // not: B forbids less than A, or nothing more.
    if (const Entity* b_not = slot(b, "not")) {
      const Entity* a_not = slot(a, "not");
      if (!is_false(b_not) && (a_not == nullptr || !holds(b_not, a_not))) {
        emit(rules::jsonschema::NOT_NO_WIDEN, a, b, "not",
             "The \"not\" schema at " + new_side(a, b).name +
                 (a_not == nullptr ? " is new" : " now excludes more") +
                 ": documents it matches are rejected.");
        ok = false;
      }
    }
    // if / then / else.
    if (const Entity* b_if = slot(b, "if")) {
      const Entity* a_if = slot(a, "if");
      const bool same_if = a_if != nullptr && holds(a_if, b_if) && holds(b_if, a_if);
      if (!same_if) {
        emit(rules::jsonschema::CONDITIONAL_NO_CHANGE, a, b, "if",
             "The if/then/else at " + new_side(a, b).name +
                 (a_if == nullptr ? " is new" : " has a different condition") +
                 ": documents now take branches they did not.");
        ok = false;
      } else {
        for (const char* branch : {"then", "else"}) {
          const Entity* bt = slot(b, branch);
          if (bt == nullptr) continue;
          const Entity* at = slot(a, branch);
          if (at == nullptr) {
            if (accepts_all(bt)) continue;
            emit(rules::jsonschema::CONDITIONAL_NO_CHANGE, a, b, branch,
                 std::string("A \"") + branch + "\" branch was added at " + new_side(a, b).name +
                     ".");
            ok = false;
          } else {
            ok = compare(at, bt, reporting_) && ok;
          }
        }
      }
    }
    return ok;
  }

  // `e` restricted to one of its types: a copy kept for the comparer's lifetime (memo keys are
  // addresses), made once per schema and type.
  const Entity* with_type(const Entity& e, std::string_view type) {
    auto& slot = restricted_[{&e, std::string(type)}];
    if (!slot) {
      slot = std::make_unique<Entity>(e);
      slot->set("type", std::string(type), e.loc_of("type"));
      std::erase_if(slot->attrs, [](const Attr& a) { return a.name == "hash"; });
    }
    return slot.get();
  }

  static bool disjoint_types(const std::vector<const Entity*>& branches) {
    std::set<std::string> seen;
    for (const Entity* b : branches) {
      if (!b->has("type")) return false;
      for (const std::string_view name : types_of(*b).names()) {
        const std::string t(name);
        if (!seen.insert(t).second) return false;
        if ((t == "number" && seen.contains("integer")) ||
            (t == "integer" && seen.contains("number")))
          return false;
      }
    }
    return true;
  }

  static bool has_union_keywords_only(const Entity& e) {
    return !e.has("type") && !e.has("enum") && !e.has("const") && !e.has("ref");
  }

  static bool same_shape(const Entity& a, const Entity& b) {
    return a.str("type") == b.str("type") && !a.has("anyOf") && !b.has("anyOf") &&
           !a.has("oneOf") && !b.has("oneOf");
  }

  // ---- keyword families ----
  bool families(const Entity& a, const Entity& b) {
    bool ok = true;
    const TypeSet at = types_of(a), bt = types_of(b);
    const bool a_finite = a.has("enum") || a.has("const");
    std::vector<std::string> a_values;
    if (a.has("const")) a_values.push_back(std::string(a.str("const")));
    if (a.has("enum")) {
      for (const Entity& v : a.children) {
        if (v.kind == "enum_value" && (!a.has("const") || v.key == a.str("const")))
          a_values.push_back(v.key);
      }
    }
    // type
    std::vector<std::string> lost;
    if (a_finite) {
      for (const auto& v : a_values) {
        const std::string t = type_of_value(v);
        if (allows(at, t) && !allows(bt, t) && !(t == "integer" && allows(bt, "number")))
          lost.push_back(t);
      }
    } else {
      for (const std::string_view t : at.names()) {
        if (!allows(bt, t)) lost.emplace_back(t);
      }
    }
    if (!lost.empty()) {
      std::sort(lost.begin(), lost.end());
      lost.erase(std::unique(lost.begin(), lost.end()), lost.end());
      std::string list;
      for (const auto& t : lost) list += (list.empty() ? "" : ", ") + t;
      emit(rules::jsonschema::TYPE_NO_NARROW, a, b, "type",
           "The schema at " + new_side(a, b).name + " no longer accepts " + list + " (type " +
               change(a.has("type") ? std::string(a.str("type")) : "any",
                      b.has("type") ? std::string(b.str("type")) : "any") +
               ").");
      ok = false;
    }
    // enum / const
    if (b.has("enum") || b.has("const")) {
      std::set<std::string> b_values;
      for (const Entity& v : b.children) {
        if (v.kind == "enum_value") b_values.insert(v.key);
      }
      if (b.has("const")) {
        const std::string c(b.str("const"));
        if (b.has("enum") && !b_values.contains(c))
          b_values.clear();
        else
          b_values = {c};
      }
      if (!a_finite) {
        emit(rules::jsonschema::ENUM_NO_NARROW, a, b, b.has("const") ? "const" : "enum",
             "The schema at " + new_side(a, b).name + " now accepts only " +
                 std::to_string(b_values.size()) + " listed value(s).");
        ok = false;
      } else {
        std::string missing;
        for (const auto& v : a_values) {
          if (!b_values.contains(v) && allows(bt, type_of_value(v)))
            missing += (missing.empty() ? "" : ", ") + v;
        }
        if (!missing.empty()) {
          emit(rules::jsonschema::ENUM_NO_NARROW, a, b, b.has("const") ? "const" : "enum",
               "Value(s) " + missing + " are no longer accepted at " + new_side(a, b).name + ".");
          ok = false;
        }
      }
    }
    const auto can = [&](std::string_view t) {
      if (a_finite) {
        for (const auto& v : a_values) {
          if (type_of_value(v) == t || (t == "number" && type_of_value(v) == "integer"))
            return true;
        }
        return false;
      }
      return allows(at, t) && allows(bt, t);
    };
    if (a_finite) return values(a, b, a_values, bt) && ok;
    if (can("number") || can("integer")) ok = numbers(a, b) && ok;
    if (can("string")) ok = strings(a, b) && ok;
    if (can("array")) ok = arrays(a, b) && ok;
    if (can("object")) ok = objects(a, b) && ok;
    return ok;
  }

  // OLD lists its values (enum/const): each one is checked against what NEW asks of its type.
  bool values(const Entity& a, const Entity& b, const std::vector<std::string>& list,
              const TypeSet& bt) {
    bool ok = true;
    bool objects_checked = false, arrays_checked = false;
    for (const std::string& v : list) {
      const std::string t = type_of_value(v);
      if (!allows(bt, t)) continue;  // reported as TYPE_NO_NARROW already
      if (t == "integer" || t == "number") {
        const double x = std::stod(v);
        const auto lo = lower(b), hi = upper(b);
        if (lo && (x < lo->value || (lo->exclusive && x == lo->value))) {
          emit(rules::jsonschema::MINIMUM_NO_INCREASE, a, b,
               b.has("exclusiveMinimum") ? "exclusiveMinimum" : "minimum",
               "Value " + v + " is below the new lower bound " + bound_text(lo, true) + " at " +
                   new_side(a, b).name + ".");
          ok = false;
        }
        if (hi && (x > hi->value || (hi->exclusive && x == hi->value))) {
          emit(rules::jsonschema::MAXIMUM_NO_DECREASE, a, b,
               b.has("exclusiveMaximum") ? "exclusiveMaximum" : "maximum",
               "Value " + v + " is above the new upper bound " + bound_text(hi, false) + " at " +
                   new_side(a, b).name + ".");
          ok = false;
        }
        if (const auto m = num(b, "multipleOf"); m && *m != 0) {
          const double r = x / *m;
          if (std::fabs(r - std::round(r)) > 1e-9 * std::max(1.0, std::fabs(r))) {
            emit(rules::jsonschema::MULTIPLE_OF_NO_CHANGE, a, b, "multipleOf",
                 "Value " + v + " is not a multiple of " + number_text(*m) + " at " +
                     new_side(a, b).name + ".");
            ok = false;
          }
        }
      } else if (t == "string") {
        const double length = static_cast<double>(string_length(v));
        if (const auto mn = num(b, "minLength"); mn && length < *mn) {
          emit(rules::jsonschema::MIN_LENGTH_NO_INCREASE, a, b, "minLength",
               "Value " + v + " is shorter than the new minLength " + number_text(*mn) + " at " +
                   new_side(a, b).name + ".");
          ok = false;
        }
        if (const auto mx = num(b, "maxLength"); mx && length > *mx) {
          emit(rules::jsonschema::MAX_LENGTH_NO_DECREASE, a, b, "maxLength",
               "Value " + v + " is longer than the new maxLength " + number_text(*mx) + " at " +
                   new_side(a, b).name + ".");
          ok = false;
        }
        if (b.has("pattern") && !matches(std::string(b.str("pattern")), string_value(v))) {
          emit(rules::jsonschema::PATTERN_NO_ADD, a, b, "pattern",
               "Value " + v + " does not match the pattern " + q(b.str("pattern")) + " at " +
                   new_side(a, b).name + ".");
          ok = false;
        }
        if (b.has("format") && a.str("format") != b.str("format")) {
          ok = strings(a, b) && ok;  // a format cannot be checked here: say it changed
        }
      } else if (t == "object" && !objects_checked) {
        objects_checked = true;  // listed objects: compare the object keywords as for any object
        ok = objects(a, b) && ok;
      } else if (t == "array" && !arrays_checked) {
        arrays_checked = true;
        ok = arrays(a, b) && ok;
      }
    }
    return ok;
  }

  // A canonical JSON string literal back to its text.
  static std::string string_value(std::string_view literal) {
    std::string out;
    for (size_t i = 1; i + 1 < literal.size(); ++i) {
      if (literal[i] != '\\' || i + 2 >= literal.size()) {
        out += literal[i];
        continue;
      }
      const char e = literal[++i];
      if (e == 'u' && i + 4 < literal.size()) {
        const unsigned code =
            static_cast<unsigned>(std::stoul(std::string(literal.substr(i + 1, 4)), nullptr, 16));
        i += 4;
        if (code < 0x80) {
          out += static_cast<char>(code);
        } else if (code < 0x800) {
          out += static_cast<char>(0xC0 | (code >> 6));
          out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
          out += static_cast<char>(0xE0 | (code >> 12));
          out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (code & 0x3F));
        }
      } else {
        out += e == 'n'   ? '\n'
               : e == 't' ? '\t'
               : e == 'r' ? '\r'
               : e == 'b' ? '\b'
               : e == 'f' ? '\f'
                          : e;
      }
    }
    return out;
  }

  // Length in code points, as JSON Schema counts it.
  static size_t string_length(std::string_view literal) {
    size_t n = 0;
    for (char c : string_value(literal)) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  }

  bool numbers(const Entity& a, const Entity& b) {
    bool ok = true;
    const auto al = lower(a), bl = lower(b), au = upper(a), bu = upper(b);
    const auto tighter_low = [](const std::optional<Bound>& old_b,
                                const std::optional<Bound>& new_b) {
      if (!new_b) return false;
      if (!old_b) return true;
      return new_b->value > old_b->value ||
             (new_b->value == old_b->value && new_b->exclusive && !old_b->exclusive);
    };
    const auto tighter_high = [](const std::optional<Bound>& old_b,
                                 const std::optional<Bound>& new_b) {
      if (!new_b) return false;
      if (!old_b) return true;
      return new_b->value < old_b->value ||
             (new_b->value == old_b->value && new_b->exclusive && !old_b->exclusive);
    };
    if (tighter_low(al, bl)) {
      emit(rules::jsonschema::MINIMUM_NO_INCREASE, a, b, b.has("exclusiveMinimum") ? "exclusiveMinimum" : "minimum",
           "The lower bound at " + new_side(a, b).name + " changed " +
               change(bound_text(al, true), bound_text(bl, true)) + ".");
      ok = false;
    }
    if (tighter_high(au, bu)) {
      emit(rules::jsonschema::MAXIMUM_NO_DECREASE, a, b, b.has("exclusiveMaximum") ? "exclusiveMaximum" : "maximum",
           "The upper bound at " + new_side(a, b).name + " changed " +
               change(bound_text(au, false), bound_text(bu, false)) + ".");
      ok = false;
    }
    if (const auto bm = num(b, "multipleOf")) {
      const auto am = num(a, "multipleOf");
      const double ratio = am && *bm != 0 ? *am / *bm : 0.5;
      const bool whole_integers =
          *bm == 1 && !allows(types_of(a), "number") && allows(types_of(a), "integer");
      const bool divides = whole_integers || (am && std::fabs(ratio - std::round(ratio)) <
                                                        1e-9 * std::max(1.0, std::fabs(ratio)));
      if (!divides) {
        emit(rules::jsonschema::MULTIPLE_OF_NO_CHANGE, a, b, "multipleOf",
             "multipleOf at " + new_side(a, b).name + " changed " +
                 change(am ? number_text(*am) : "none", number_text(*bm)) + ".");
        ok = false;
      }
    }
    return ok;
  }

  bool count_up(const Entity& a, const Entity& b, const char* attr, RuleId rule,
                const char* what) {
    const auto bv = num(b, attr);
    if (!bv) return true;
    const auto av = num(a, attr);
    if (av && *av >= *bv) return true;
    emit(rule, a, b, attr,
         std::string(what) + " at " + new_side(a, b).name + " changed " +
             change(av ? number_text(*av) : "none", number_text(*bv)) + ".");
    return false;
  }

  bool count_down(const Entity& a, const Entity& b, const char* attr, RuleId rule,
                  const char* what) {
    const auto bv = num(b, attr);
    if (!bv) return true;
    const auto av = num(a, attr);
    if (av && *av <= *bv) return true;
    emit(rule, a, b, attr,
         std::string(what) + " at " + new_side(a, b).name + " changed " +
             change(av ? number_text(*av) : "none", number_text(*bv)) + ".");
    return false;
  }

  bool strings(const Entity& a, const Entity& b) {
    bool ok = count_up(a, b, "minLength", rules::jsonschema::MIN_LENGTH_NO_INCREASE, "minLength");
    ok = count_down(a, b, "maxLength", rules::jsonschema::MAX_LENGTH_NO_DECREASE, "maxLength") && ok;
    if (b.has("pattern")) {
      if (!a.has("pattern")) {
        emit(rules::jsonschema::PATTERN_NO_ADD, a, b, "pattern",
             "Strings at " + new_side(a, b).name + " must now match " + q(b.str("pattern")) + ".");
        ok = false;
      } else if (a.str("pattern") != b.str("pattern")) {
        emit(rules::jsonschema::PATTERN_NO_CHANGE, a, b, "pattern",
             "The pattern at " + new_side(a, b).name + " changed " +
                 change(q(a.str("pattern")), q(b.str("pattern"))) +
                 "; whether it accepts every string the other did cannot be decided.");
      }
    }
    if (b.has("format") && a.str("format") != b.str("format")) {
      emit(rules::jsonschema::FORMAT_NO_CHANGE, a, b, "format",
           "The format at " + new_side(a, b).name + " changed " +
               change(a.has("format") ? q(a.str("format")) : "none", q(b.str("format"))) + ".");
      ok = false;
    }
    return ok;
  }

  bool arrays(const Entity& a, const Entity& b) {
    bool ok = count_up(a, b, "minItems", rules::jsonschema::MIN_ITEMS_NO_INCREASE, "minItems");
    ok = count_down(a, b, "maxItems", rules::jsonschema::MAX_ITEMS_NO_DECREASE, "maxItems") && ok;
    if (b.flag("uniqueItems") && !a.flag("uniqueItems")) {
      emit(rules::jsonschema::UNIQUE_ITEMS_NO_ADD, a, b, "uniqueItems",
           "Arrays at " + new_side(a, b).name + " must now hold unique items.");
      ok = false;
    }
    if (const Entity* bc = slot(b, "contains")) {
      const Entity* ac = slot(a, "contains");
      if (ac == nullptr || !holds(ac, bc)) {
        emit(rules::jsonschema::CONTAINS_NO_NARROW, a, b, "contains",
             "Arrays at " + new_side(a, b).name +
                 (ac == nullptr ? " must now contain a matching item."
                                : " must contain an item of a narrower kind."));
        ok = false;
      }
      // minContains defaults to 1 wherever contains applies.
      if (num(b, "minContains").value_or(1) > num(a, "minContains").value_or(1))
        ok = count_up(a, b, "minContains", rules::jsonschema::CONTAINS_NO_NARROW, "minContains") && ok;
      ok = count_down(a, b, "maxContains", rules::jsonschema::CONTAINS_NO_NARROW, "maxContains") && ok;
    }
    // Tuple positions, then the items after them.
    const auto ap = slots(a, "prefixItems"), bp = slots(b, "prefixItems");
    // Beyond the tuple: `items`, else (2019-09+) `unevaluatedItems` for a plain schema.
    const Entity* a_rest = slot(a, "items") ? slot(a, "items") : slot(a, "unevaluatedItems");
    const Entity* b_rest = slot(b, "items") ? slot(b, "items") : slot(b, "unevaluatedItems");
    for (size_t i = 0; i < std::max(ap.size(), bp.size()); ++i) {
      if (i < ap.size() && i < bp.size()) {
        ok = compare(ap[i], bp[i], reporting_) && ok;
      } else if (i < bp.size()) {
        if (accepts_all(bp[i]) || is_false(a_rest)) continue;
        if (a_rest != nullptr && !accepts_all(a_rest) && holds(a_rest, bp[i])) continue;
        emit_at(rules::jsonschema::TUPLE_ITEM_NO_ADD, a, b, a.loc, bp[i]->loc, bp[i]->key,
                "Tuple position " + std::to_string(i) + " was " + added() + " at " +
                    new_side(a, b).name +
                    "; arrays that already held other values there are rejected.");
        ok = false;
      } else {
        if (accepts_all(b_rest) || is_false(ap[i])) continue;
        if (!is_false(b_rest) && holds(ap[i], b_rest)) continue;
        emit_at(rules::jsonschema::TUPLE_ITEM_NO_DELETE, a, b, ap[i]->loc, b_rest != nullptr ? b_rest->loc : b.loc,
                ap[i]->key,
                "Tuple position " + std::to_string(i) + " was " + removed() + " at " +
                    new_side(a, b).name +
                    " and the items allowed after the tuple do not accept its values.");
        ok = false;
      }
    }
    if (b_rest != nullptr && !accepts_all(b_rest) && !is_false(a_rest)) {
      if (a_rest != nullptr && !accepts_all(a_rest) && !is_false(b_rest)) {
        ok = compare(a_rest, b_rest, reporting_) && ok;
      } else {
        emit(rules::jsonschema::ITEMS_NO_CLOSE, a, b, "items",
             "Items at " + new_side(a, b).name +
                 (is_false(b_rest) ? " beyond the tuple are now forbidden."
                                   : " are now constrained where any item was allowed."));
        ok = false;
      }
    }
    return ok;
  }

  // The schema that governs property `name` when it is not declared: the first matching
  // patternProperties entry, else additionalProperties (null: anything goes).
  // What constrains a member `name` that `e` does not list in `properties`: every matching
  // patternProperties schema, else additionalProperties. unevaluatedProperties governs only
  // the names no in-place applicator (allOf, a $ref beside keywords) evaluates; for the others
  // the applicators' schemas are what constrains. Empty: anything goes.
  std::vector<const Entity*> undeclared(const Entity& e, const std::string& name, bool b_side) {
    std::vector<const Entity*> out = own_evaluators(e, name);
    if (!out.empty()) return out;
    if (const Entity* u = slot(e, "unevaluatedProperties")) {
      out = applied_evaluators(e, name, b_side, 0);
      if (out.empty()) out.push_back(u);
    }
    return out;
  }

  std::vector<const Entity*> own_evaluators(const Entity& e, const std::string& name) {
    std::vector<const Entity*> out;
    for (const Entity* p : slots(e, "patternProperties")) {
      if (matches(std::string(slot_name(*p)), name)) out.push_back(p);
    }
    if (out.empty()) {
      if (const Entity* x = slot(e, "additionalProperties")) out.push_back(x);
    }
    return out;
  }

  // The schemas of `e`'s in-place applicators (and of theirs) that evaluate member `name`.
  std::vector<const Entity*> applied_evaluators(const Entity& e, const std::string& name,
                                                bool b_side, int depth) {
    std::vector<const Entity*> out;
    if (depth > 16) return out;
    std::vector<const Entity*> applicators = slots(e, "allOf");
    if (e.has("ref") && !pure_ref(e)) applicators.push_back(target(&e, b_side));
    for (const Entity* a : applicators) {
      const Entity* s = deref(a, b_side);
      if (s == nullptr) continue;
      std::vector<const Entity*> found;
      if (const Entity* p = slot(*s, "properties/" + name)) {
        found.push_back(p);
      } else {
        found = own_evaluators(*s, name);
        if (found.empty()) found = applied_evaluators(*s, name, b_side, depth + 1);
      }
      out.insert(out.end(), found.begin(), found.end());
    }
    return out;
  }

  static bool any_false(const std::vector<const Entity*>& list) {
    return std::any_of(list.begin(), list.end(), [](const Entity* x) { return is_false(x); });
  }
  static bool all_accept(const std::vector<const Entity*>& list) {
    return std::all_of(list.begin(), list.end(), [](const Entity* x) { return accepts_all(x); });
  }

  // Whether `name` matches `pattern`. libstdc++'s polynomial (breadth-first) matcher keeps
  // hostile patterns such as ^(a+)+$ from backtracking for ever; what cannot be decided (a
  // pattern std::regex does not support, a very long name) counts as a match, so the
  // pattern's schema is taken into account rather than silently skipped.
  bool matches(const std::string& pattern, const std::string& name) {
    if (name.size() > 4096 || pattern.size() > 4096) return true;
    auto it = regexes_.find(pattern);
    if (it == regexes_.end()) {
      std::unique_ptr<std::regex> r;
      try {
        r = std::make_unique<std::regex>(
            pattern, std::regex::ECMAScript | std::regex_constants::__polynomial);
      } catch (const std::regex_error&) {
        r = nullptr;
      }
      it = regexes_.emplace(pattern, std::move(r)).first;
    }
    if (!it->second) return true;
    try {
      return std::regex_search(name, *it->second);
    } catch (const std::regex_error&) {
      return true;
    }
  }

  bool objects(const Entity& a, const Entity& b) {
    bool ok = count_up(a, b, "minProperties", rules::jsonschema::PROPERTY_COUNT_NO_NARROW, "minProperties");
    ok = count_down(a, b, "maxProperties", rules::jsonschema::PROPERTY_COUNT_NO_NARROW, "maxProperties") && ok;
    const std::string& where = new_side(a, b).name;
    // required
    const auto a_req = keys_of(a, "required");
    for (const Entity& r : b.children) {
      if (r.kind != "required" || a_req.contains(r.key)) continue;
      const Entity* prop = slot(b, "properties/" + r.key);
      const bool with_default = prop != nullptr && deref(prop, true)->has("default");
      emit_at(
          rules::jsonschema::REQUIRED_NO_ADD, a, b, a.loc, r.loc, "required/" + r.key,
          "Property " + q(r.key) +
              (forward_ ? " is no longer required at " : " is now required at ") + where +
              (with_default ? " (its default does not help: documents without it fail validation)"
                            : "") +
              ".");
      ok = false;
    }
    // properties and the content model
    const auto a_props = slots(a, "properties"), b_props = slots(b, "properties");
    std::map<std::string_view, const Entity*> a_by_name, b_by_name;
    for (const Entity* p : a_props) a_by_name[slot_name(*p)] = p;
    for (const Entity* p : b_props) b_by_name[slot_name(*p)] = p;
    for (const auto& [name, bp] : b_by_name) {
      if (const auto it = a_by_name.find(name); it != a_by_name.end()) {
        ok = compare(it->second, bp, reporting_) && ok;
        continue;
      }
      const auto before = undeclared(a, std::string(name), false);
      if (any_false(before) || accepts_all(bp)) continue;
      if (all_accept(before)) {
        emit_at(rules::jsonschema::PROPERTY_NO_ADD_OPEN, a, b, a.loc, bp->loc, bp->key,
                "Property " + q(name) + " was " + added() + " in the open object at " + where +
                    "; existing documents may already carry it with any value.");
        ok = false;
      } else if (!covers(before, bp)) {
        emit_at(rules::jsonschema::PROPERTY_NO_ADD_UNCOVERED, a, b, a.loc, bp->loc, bp->key,
                "Property " + q(name) + " was " + added() + " at " + where +
                    " with a schema narrower than the one undeclared properties had.");
        ok = false;
      }
    }
    for (const auto& [name, ap] : a_by_name) {
      if (b_by_name.contains(name) || is_false(ap)) continue;
      const auto after = undeclared(b, std::string(name), true);
      if (all_accept(after)) continue;
      const auto closed = std::find_if(after.begin(), after.end(), is_false);
      if (closed != after.end()) {
        emit_at(rules::jsonschema::PROPERTY_NO_DELETE_CLOSED, a, b, ap->loc, (*closed)->loc, ap->key,
                "Property " + q(name) + " was " + removed() + " in the closed object at " + where +
                    "; documents carrying it are rejected.");
        ok = false;
        continue;
      }
      // In A the value met the property's schema and every pattern matching its name.
      std::vector<const Entity*> had{ap};
      for (const Entity* p : slots(a, "patternProperties")) {
        if (matches(std::string(slot_name(*p)), std::string(name))) had.push_back(p);
      }
      for (const Entity* m : after) {
        if (accepts_all(m) || covers(had, m)) continue;
        emit_at(rules::jsonschema::PROPERTY_NO_DELETE_UNCOVERED, a, b, ap->loc, m->loc, ap->key,
                "Property " + q(name) + " was " + removed() + " at " + where +
                    " and the schema for undeclared properties does not accept its values.");
        ok = false;
        break;
      }
    }
    // patternProperties present on both sides compare in place; a new pattern constrains the
    // names it matches, a removed one hands them to NEW's additionalProperties.
    const auto rest_of = [](const Entity& e) {
      const Entity* x = slot(e, "additionalProperties");
      return x != nullptr ? x : slot(e, "unevaluatedProperties");
    };
    for (const Entity* bp : slots(b, "patternProperties")) {
      if (const Entity* ap = slot(a, bp->key)) {
        ok = compare(ap, bp, reporting_) && ok;
        continue;
      }
      if (accepts_all(bp)) continue;
      const std::string re(slot_name(*bp));
      for (const auto& [name, ap] : a_by_name) {
        if (matches(re, std::string(name))) ok = compare(ap, bp, reporting_) && ok;
      }
      const Entity* before = rest_of(a);
      if (is_false(before) || (before != nullptr && !accepts_all(before) && holds(before, bp)))
        continue;
      emit_at(rules::jsonschema::ADDITIONAL_PROPERTIES_NO_NARROW, a, b, a.loc, bp->loc, bp->key,
              "Property names matching " + q(re) + " at " + where +
                  " are now constrained by a new patternProperties schema.");
      ok = false;
    }
    for (const Entity* ap : slots(a, "patternProperties")) {
      if (slot(b, ap->key) != nullptr || is_false(ap)) continue;
      const Entity* after = rest_of(b);
      if (accepts_all(after) || (!is_false(after) && holds(ap, after))) continue;
      emit_at(rules::jsonschema::ADDITIONAL_PROPERTIES_NO_NARROW, a, b, ap->loc, b.loc, ap->key,
              "Property names matching " + q(slot_name(*ap)) + " at " + where +
                  " lost their patternProperties entry and now fall to additionalProperties, "
                  "which rejects what it allowed.");
      ok = false;
    }
    // additionalProperties / unevaluatedProperties
    for (const char* k : {"additionalProperties", "unevaluatedProperties"}) {
      const Entity* bx = slot(b, k);
      if (bx == nullptr || accepts_all(bx)) continue;
      const Entity* ax = slot(a, k);
      if (is_false(ax)) continue;
      if (ax != nullptr && !accepts_all(ax) && !is_false(bx)) {
        ok = compare(ax, bx, reporting_) && ok;
        continue;
      }
      emit(rules::jsonschema::ADDITIONAL_PROPERTIES_NO_NARROW, a, b, k,
           std::string(k) + " at " + where +
               (is_false(bx) ? " now forbids properties that were allowed."
                             : " now constrains properties that were free."));
      ok = false;
    }
    // dependencies
    std::map<std::string, std::string> a_deps;
    for (const Entity& d : a.children) {
      if (d.kind == "dependency") a_deps[d.key] = std::string(d.str("names"));
    }
    for (const Entity& d : b.children) {
      if (d.kind != "dependency") continue;
      const std::string names(d.str("names"));
      const auto it = a_deps.find(d.key);
      const bool covered = it != a_deps.end() && includes_all(it->second, names);
      if (covered) continue;
      emit_at(rules::jsonschema::DEPENDENCY_NO_ADD, a, b, a.loc, d.loc, "dependentRequired/" + d.key,
              "When " + q(d.key) + " is present at " + where + ", " + readable_names(names) +
                  " must now be present too.");
      ok = false;
    }
    for (const Entity* bd : slots(b, "dependentSchemas")) {
      const Entity* ad = slot(a, bd->key);
      if (ad != nullptr) {
        ok = compare(ad, bd, reporting_) && ok;
      } else if (!accepts_all(bd)) {
        emit_at(rules::jsonschema::DEPENDENCY_NO_ADD, a, b, a.loc, bd->loc, bd->key,
                "A schema dependency on " + q(slot_name(*bd)) + " was added at " + where + ".");
        ok = false;
      }
    }
    if (const Entity* bn = slot(b, "propertyNames"); bn && !accepts_all(bn)) {
      const Entity* an = slot(a, "propertyNames");
      if (an == nullptr || !holds(an, bn)) {
        emit(rules::jsonschema::PROPERTY_NAMES_NO_NARROW, a, b, "propertyNames",
             "Property names at " + where + " are now restricted further.");
        ok = false;
      }
    }
    return ok;
  }

  static std::string readable_names(std::string names) {
    std::replace(names.begin(), names.end(), '\x1f', ',');
    return names;
  }

  // Whether the list `have` includes every name of `want` (names separated by \x1f).
  static bool includes_all(std::string_view have, std::string_view want) {
    std::set<std::string_view> names;
    for (size_t s = 0; s <= have.size();) {
      const size_t c = have.find('\x1f', s);
      names.insert(have.substr(s, c == have.npos ? have.npos : c - s));
      if (c == have.npos) break;
      s = c + 1;
    }
    for (size_t s = 0; s <= want.size();) {
      const size_t c = want.find('\x1f', s);
      if (!names.contains(want.substr(s, c == want.npos ? want.npos : c - s))) return false;
      if (c == want.npos) break;
      s = c + 1;
    }
    return true;
  }

  bool forward_;
  const detail::RuleSelection& on_;
  detail::Emitter& out_;
  bool reporting_ = true;
  static constexpr int kMaxDepth = 300;
  int depth_ = 0;
  std::vector<std::pair<const Entity*, const Entity*>> deferred_;
  RefTargets a_targets_, b_targets_;  // resolved when a comparison reaches a $ref
  std::unordered_map<const Entity*, const Entity*> targets_;  // each $ref's target, once looked up
  struct PairHash {
    size_t operator()(const std::tuple<const Entity*, const Entity*, bool>& k) const {
      const auto h1 = std::hash<const void*>()(std::get<0>(k));
      const auto h2 = std::hash<const void*>()(std::get<1>(k));
      return h1 ^ (h2 * 0x9e3779b97f4a7c15ULL) ^ static_cast<size_t>(std::get<2>(k));
    }
  };
  struct Memo {
    enum State : int8_t { in_progress, provisional, holds, fails, deferred } state;
    int depth;  // in progress: its stack depth; provisional: the depth of what it assumed
    bool hit;   // in progress: whether some answer assumed it
  };
  static constexpr int kNoAssumption = 1 << 30;
  int lowest_ = kNoAssumption;  // the shallowest in-progress pair the current answer assumed
  std::vector<std::tuple<const Entity*, const Entity*, bool>> provisional_;
  std::unordered_map<std::tuple<const Entity*, const Entity*, bool>, Memo, PairHash> memo_;
  std::map<std::string, std::unique_ptr<std::regex>> regexes_;
  std::map<std::pair<const Entity*, std::string>, std::unique_ptr<Entity>> restricted_;
  std::unordered_map<const Entity*, std::unique_ptr<Entity>> merged_;  // see all_of_merged()
  std::map<std::vector<const Entity*>, std::unique_ptr<Entity>> conjunctions_;
};

}  // namespace

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
