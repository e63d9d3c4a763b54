// Numbers and strings compared on what they accept: lower and upper bounds with their
// exclusivity, multipleOf (a new step must divide the old one), minLength/maxLength, pattern
// and format. count_up/count_down are the one rule for every counted bound (lengths, items,
// properties, contains): the minimum may not rise, the maximum may not fall.
#include "formats/jsonschema/comparer.hpp"
#include "rule_ids/jsonschema.hpp"

#include "formats/jsonschema/compare_wording.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace breakwater::jsonschema {

bool Comparer::numbers(const Entity& a, const Entity& b) {
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
    emit(rules::jsonschema::MINIMUM_NO_INCREASE, a, b,
         b.has("exclusiveMinimum") ? "exclusiveMinimum" : "minimum",
         "The lower bound at " + new_side(a, b).name + " changed " +
             change(bound_text(al, true), bound_text(bl, true)) + ".");
    ok = false;
  }
  if (tighter_high(au, bu)) {
    emit(rules::jsonschema::MAXIMUM_NO_DECREASE, a, b,
         b.has("exclusiveMaximum") ? "exclusiveMaximum" : "maximum",
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

bool Comparer::count_up(const Entity& a, const Entity& b, const char* attr, RuleId rule,
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

bool Comparer::count_down(const Entity& a, const Entity& b, const char* attr, RuleId rule,
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

bool Comparer::strings(const Entity& a, const Entity& b) {
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

}  // namespace breakwater::jsonschema
