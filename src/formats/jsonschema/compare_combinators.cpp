// The combinators of JSON Schema compared on what they accept: allOf (A satisfies every member
// B adds; A's own members may be intersected into one schema), anyOf/oneOf (each branch of A
// must fit somewhere in B; anyOf -> oneOf rejects documents matching several branches), not
// (B may forbid less, never more) and if/then/else (the same condition, then branch by branch).
#include "formats/jsonschema/comparer.hpp"
#include "rule_ids/jsonschema.hpp"

#include "formats/jsonschema/compare_wording.hpp"
#include "formats/jsonschema/intersect.hpp"
#include "formats/jsonschema/schema_slots.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

namespace breakwater::jsonschema {
namespace {

bool disjoint_types(const std::vector<const Entity*>& branches) {
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

bool has_union_keywords_only(const Entity& e) {
  return !e.has("type") && !e.has("enum") && !e.has("const") && !e.has("ref");
}

bool same_shape(const Entity& a, const Entity& b) {
  return a.str("type") == b.str("type") && !a.has("anyOf") && !b.has("anyOf") && !a.has("oneOf") &&
         !b.has("oneOf");
}

}  // namespace

// ---- intersections ----
// An A-side schema with allOf, as one schema: its own keywords and every member's. Made
// once per schema and kept for the comparer's lifetime (memo keys are addresses).
const Entity* Comparer::all_of_merged(const Entity& a) {
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
  if (merged) {
    it->second = std::make_unique<Entity>(std::move(*merged));
    merged_from_.emplace(it->second.get(), &a);
  }
  return it->second.get();
}

// A's own keywords without `keyword` (anyOf, oneOf, allOf) and its members, or nothing when it
// says nothing else: made once per schema and keyword, kept for the comparer's lifetime (memo
// keys are addresses).
const Entity* Comparer::beside(const Entity& a, std::string_view keyword) {
  const auto [it, fresh] = beside_.try_emplace(std::pair{&a, std::string(keyword)});
  if (!fresh) return it->second.get();
  Entity own = a;
  const std::string prefix = std::string(keyword) + "/";
  std::erase_if(own.attrs, [&](const Attr& x) { return x.name == keyword || x.name == "hash"; });
  std::erase_if(own.children, [&](const Entity& c) { return c.key.starts_with(prefix); });
  const bool says_more = std::any_of(own.attrs.begin(), own.attrs.end(), [](const Attr& x) {
    return x.name != "$schema" && x.name != "$id" && x.name != "title" && x.name != "description";
  }) || !own.children.empty();
  if (says_more) it->second = std::make_unique<Entity>(std::move(own));
  return it->second.get();
}

// What every schema in `list` accepts, as one schema where it can be written so.
const Entity* Comparer::conjunction(const std::vector<const Entity*>& list) {
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
bool Comparer::covers(const std::vector<const Entity*>& list, const Entity* target) {
  for (const Entity* x : list) {
    if (holds(x, target)) return true;
  }
  const Entity* both = list.size() > 1 ? conjunction(list) : nullptr;
  return both != nullptr && holds(both, target);
}

// ---- allOf / anyOf / oneOf / not / if ----
bool Comparer::combinators(const Entity& a, const Entity& b) {
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
    // Each branch of A must fit B as a whole, taken with what A says beside its union: a
    // document matches the branch and A's own keywords (`properties` beside an `anyOf`).
    const auto branches = slots(a, a_union);
    const auto targets = b_union ? slots(b, b_union) : std::vector<const Entity*>{};
    const Entity* rest = beside(a, a_union);
    if (rest != nullptr && rest->has("allOf")) rest = all_of_merged(*rest);  // one schema
    for (size_t i = 0; i < branches.size(); ++i) {
      const Entity* branch = branches[i];
      if (rest != nullptr) {
        if (const Entity* both = conjunction({rest, branch})) {
          branch = both;
        } else if (b_union == nullptr && !holds(branch, &b)) {
          // Not one schema (additionalProperties beside the branch's properties...): what A
          // says beside its union is compared instead, wider than branch and all, never the
          // branch without it (which would lose A's type and properties).
          ok = compare(rest, &b, reporting_) && ok;
          continue;
        }
      }
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
  // allOf in B: A must satisfy every member. A may be its allOf merged into one schema: its
  // members are those of the schema it was merged from.
  const auto b_all = slots(b, "allOf");
  if (!b_all.empty()) {
    const auto origin = merged_from_.find(&a);
    const Entity& whole = origin == merged_from_.end() ? a : *origin->second;
    const auto a_all = slots(whole, "allOf");
    const Entity* rest = beside(whole, "allOf");
    for (size_t i = 0; i < b_all.size(); ++i) {
      bool implied = holds(&a, b_all[i]);
      for (const Entity* m : a_all) implied = implied || holds(m, b_all[i]);
      if (implied) continue;
      ok = false;
      if (i < a_all.size()) {
        // The member that stands there, with what its schema says beside the allOf (the
        // parent's `type: object` is the member's too): only the change inside is reported.
        const Entity* mine = a_all[i];
        if (rest != nullptr) {
          if (const Entity* both = conjunction({rest, mine})) mine = both;
        }
        compare(mine, b_all[i], reporting_);
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
          emit(
              rules::jsonschema::CONDITIONAL_NO_CHANGE, a, b, branch,
              std::string("A \"") + branch + "\" branch was added at " + new_side(a, b).name + ".");
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
const Entity* Comparer::with_type(const Entity& e, std::string_view type) {
  auto& slot = restricted_[{&e, std::string(type)}];
  if (!slot) {
    slot = std::make_unique<Entity>(e);
    slot->set("type", std::string(type), e.loc_of("type"));
    std::erase_if(slot->attrs, [](const Attr& a) { return a.name == "hash"; });
  }
  return slot.get();
}

}  // namespace breakwater::jsonschema
