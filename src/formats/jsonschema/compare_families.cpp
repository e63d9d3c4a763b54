// Where the keyword families start: `type` (the JSON types A accepts that B no longer does) and
// `enum`/`const` (the values B still lists), then each family the types both sides allow share
// (numbers, strings, arrays, objects). When A lists its values, each value is checked against
// what B asks of its type instead of comparing keyword with keyword.
#include "formats/jsonschema/comparer.hpp"
#include "rule_ids/jsonschema.hpp"

#include "formats/jsonschema/compare_wording.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

namespace breakwater::jsonschema {
namespace {

// A canonical JSON string literal back to its text.
std::string string_value(std::string_view literal) {
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
size_t string_length(std::string_view literal) {
  size_t n = 0;
  for (char c : string_value(literal)) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

bool Comparer::families(const Entity& a, const Entity& b) {
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
        if (type_of_value(v) == t || (t == "number" && type_of_value(v) == "integer")) return true;
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
bool Comparer::values(const Entity& a, const Entity& b, const std::vector<std::string>& list,
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
      if (b.has("pattern")) {
        const Match m = patterns_.match(std::string(b.str("pattern")), string_value(v));
        // Undecided is not compatible: the finding says so, and a person decides.
        if (m != Match::yes) {
          emit(rules::jsonschema::PATTERN_NO_ADD, a, b, "pattern",
               "Value " + v +
                   (m == Match::no ? " does not match the pattern "
                                   : " may not match the pattern (breakwater cannot decide it) ") +
                   q(b.str("pattern")) + " at " + new_side(a, b).name + ".");
          ok = false;
        }
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

}  // namespace breakwater::jsonschema
