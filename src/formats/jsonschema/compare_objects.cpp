// Objects compared on what they accept: minProperties/maxProperties, required, each property
// against its counterpart or, when added or removed, against what governed the name before
// (patternProperties, additionalProperties, unevaluatedProperties through the in-place
// applicators), patternProperties, additional/unevaluated properties, dependentRequired,
// dependentSchemas and propertyNames.
#include "formats/jsonschema/comparer.hpp"
#include "rule_ids/jsonschema.hpp"

#include "formats/jsonschema/compare_wording.hpp"
#include "formats/jsonschema/schema_slots.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace breakwater::jsonschema {
namespace {

bool any_false(const std::vector<const Entity*>& list) {
  return std::any_of(list.begin(), list.end(), [](const Entity* x) { return is_false(x); });
}
bool all_accept(const std::vector<const Entity*>& list) {
  return std::all_of(list.begin(), list.end(), [](const Entity* x) { return accepts_all(x); });
}

// Whether the list `have` includes every name of `want` (names separated by \x1f).
bool includes_all(std::string_view have, std::string_view want) {
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

}  // namespace

// The schema that governs property `name` when it is not declared: the first matching
// patternProperties entry, else additionalProperties (null: anything goes).
// What constrains a member `name` that `e` does not list in `properties`: every matching
// patternProperties schema, else additionalProperties. unevaluatedProperties governs only
// the names no in-place applicator (allOf, a $ref beside keywords) evaluates; for the others
// the applicators' schemas are what constrains. Empty: anything goes.
std::vector<const Entity*> Comparer::undeclared(const Entity& e, const std::string& name,
                                                bool b_side) {
  std::vector<const Entity*> out = own_evaluators(e, name);
  if (!out.empty()) return out;
  if (const Entity* u = slot(e, "unevaluatedProperties")) {
    out = applied_evaluators(e, name, b_side, 0);
    if (out.empty()) out.push_back(u);
  }
  return out;
}

std::vector<const Entity*> Comparer::own_evaluators(const Entity& e, const std::string& name) {
  std::vector<const Entity*> out;
  for (const Entity* p : slots(e, "patternProperties")) {
    if (patterns_.matches(std::string(slot_name(*p)), name)) out.push_back(p);
  }
  if (out.empty()) {
    if (const Entity* x = slot(e, "additionalProperties")) out.push_back(x);
  }
  return out;
}

// The schemas of `e`'s in-place applicators (and of theirs) that evaluate member `name`.
std::vector<const Entity*> Comparer::applied_evaluators(const Entity& e, const std::string& name,
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

// The content-model rules fail the pair only when they count (selected, and not quiet under
// --policy lenient): otherwise an allOf or anyOf around the change would report it again
// under its own rule.
bool Comparer::objects(const Entity& a, const Entity& b) {
  bool ok =
      count_up(a, b, "minProperties", rules::jsonschema::PROPERTY_COUNT_NO_NARROW, "minProperties");
  ok = count_down(a, b, "maxProperties", rules::jsonschema::PROPERTY_COUNT_NO_NARROW,
                  "maxProperties") &&
       ok;
  const std::string& where = new_side(a, b).name;
  // required: A's own, and those its allOf members require (every document A accepts
  // satisfies each member, so a name moved from a member to the parent is no change).
  auto a_req = keys_of(a, "required");
  for (const Entity* m : slots(a, "allOf")) {
    if (const Entity* member = deref(m, false)) a_req.merge(keys_of(*member, "required"));
  }
  for (const Entity& r : b.children) {
    if (r.kind != "required" || a_req.contains(r.key)) continue;
    const Entity* prop = slot(b, "properties/" + r.key);
    const bool with_default = prop != nullptr && deref(prop, true)->has("default");
    emit_at(rules::jsonschema::REQUIRED_NO_ADD, a, b, a.loc, r.loc, "required/" + r.key,
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
      if (on_.counts(rules::jsonschema::PROPERTY_NO_ADD_OPEN)) ok = false;
    } else if (!covers(before, bp)) {
      emit_at(rules::jsonschema::PROPERTY_NO_ADD_UNCOVERED, a, b, a.loc, bp->loc, bp->key,
              "Property " + q(name) + " was " + added() + " at " + where +
                  " with a schema narrower than the one undeclared properties had.");
      if (on_.counts(rules::jsonschema::PROPERTY_NO_ADD_UNCOVERED)) ok = false;
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
      if (on_.counts(rules::jsonschema::PROPERTY_NO_DELETE_CLOSED)) ok = false;
      continue;
    }
    // In A the value met the property's schema and every pattern matching its name.
    std::vector<const Entity*> had{ap};
    for (const Entity* p : slots(a, "patternProperties")) {
      if (patterns_.matches(std::string(slot_name(*p)), std::string(name))) had.push_back(p);
    }
    for (const Entity* m : after) {
      if (accepts_all(m) || covers(had, m)) continue;
      emit_at(rules::jsonschema::PROPERTY_NO_DELETE_UNCOVERED, a, b, ap->loc, m->loc, ap->key,
              "Property " + q(name) + " was " + removed() + " at " + where +
                  " and the schema for undeclared properties does not accept its values.");
      if (on_.counts(rules::jsonschema::PROPERTY_NO_DELETE_UNCOVERED)) ok = false;
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
      if (patterns_.matches(re, std::string(name))) ok = compare(ap, bp, reporting_) && ok;
    }
    const Entity* before = rest_of(a);
    if (is_false(before) || (before != nullptr && !accepts_all(before) && holds(before, bp)))
      continue;
    emit_at(rules::jsonschema::ADDITIONAL_PROPERTIES_NO_NARROW, a, b, a.loc, bp->loc, bp->key,
            "Property names matching " + q(re) + " at " + where +
                " are now constrained by a new patternProperties schema.");
    if (on_.counts(rules::jsonschema::ADDITIONAL_PROPERTIES_NO_NARROW)) ok = false;
  }
  for (const Entity* ap : slots(a, "patternProperties")) {
    if (slot(b, ap->key) != nullptr || is_false(ap)) continue;
    const Entity* after = rest_of(b);
    if (accepts_all(after) || (!is_false(after) && holds(ap, after))) continue;
    emit_at(rules::jsonschema::ADDITIONAL_PROPERTIES_NO_NARROW, a, b, ap->loc, b.loc, ap->key,
            "Property names matching " + q(slot_name(*ap)) + " at " + where +
                " lost their patternProperties entry and now fall to additionalProperties, "
                "which rejects what it allowed.");
    if (on_.counts(rules::jsonschema::ADDITIONAL_PROPERTIES_NO_NARROW)) ok = false;
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
    if (on_.counts(rules::jsonschema::ADDITIONAL_PROPERTIES_NO_NARROW)) ok = false;
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

}  // namespace breakwater::jsonschema
