// Arrays compared on what they accept: minItems/maxItems, uniqueItems, contains (with
// minContains/maxContains), tuple positions (prefixItems) one by one, and the items allowed
// after the tuple (`items`, else `unevaluatedItems`).
#include "formats/jsonschema/comparer.hpp"
#include "rule_ids/jsonschema.hpp"

#include "formats/jsonschema/schema_slots.hpp"

#include <algorithm>
#include <string>

namespace breakwater::jsonschema {

bool Comparer::arrays(const Entity& a, const Entity& b) {
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
      ok =
          count_up(a, b, "minContains", rules::jsonschema::CONTAINS_NO_NARROW, "minContains") && ok;
    ok =
        count_down(a, b, "maxContains", rules::jsonschema::CONTAINS_NO_NARROW, "maxContains") && ok;
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
      emit_at(rules::jsonschema::TUPLE_ITEM_NO_DELETE, a, b, ap[i]->loc,
              b_rest != nullptr ? b_rest->loc : b.loc, ap[i]->key,
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

}  // namespace breakwater::jsonschema
