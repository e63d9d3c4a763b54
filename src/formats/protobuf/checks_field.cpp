// Field rules other than type: name, JSON name, cardinality, oneof, default, options.
#include "formats/protobuf/checks.hpp"
#include "formats/protobuf/names.hpp"
#include "rule_ids/protobuf.hpp"

#include <cstdlib>

namespace breakwater::protobuf {
namespace n = names;

namespace {

std::string cardinality_text(std::string_view c) {
  if (c == "optional_explicit") return "optional with explicit presence";
  if (c == "optional_implicit") return "optional with implicit presence";
  return std::string(c);
}

// Cardinality compared after mapping each value to its group; fields of synthetic map entries
// are skipped (the map field itself carries the change).
void cardinality_rule(const Sides& s, RuleId rule, std::string (*group)(std::string_view),
                      std::string_view audience) {
  for_each_field_pair(s, [&](const Entity& op, const Entity& np, const Entity& o,
                             const Entity& nw) {
    if (op.flag(n::kMapEntry) && np.flag(n::kMapEntry)) return;
    const std::string_view before = o.str(n::kCardinality), after = nw.str(n::kCardinality);
    if (group(before) == group(after)) return;
    s.out.emit(rule, np.name + "." + std::string(nw.str("name")),
               describe_field(np, nw) + " changed cardinality from " + q(cardinality_text(before)) +
                   " to " + q(cardinality_text(after)) + ".",
               nw.loc_of(n::kCardinality), o.loc_of(n::kCardinality),
               "Keep field " + std::to_string(nw.num(n::kNumber)) + " " + cardinality_text(before) +
                   "; " + std::string(audience) +
                   " Add a new field with a new number for the new shape and deprecate this one.");
  });
}

std::string same(std::string_view c) {
  return std::string(c);
}
std::string wire_json_group(std::string_view c) {
  return c.starts_with("optional") ? "optional" : std::string(c);
}
std::string wire_group(std::string_view c) {
  if (c.starts_with("optional")) return "optional";
  if (c == "map") return "repeated";
  return std::string(c);
}

// A field option compared by effective value.
void same_field_option(const Sides& s, RuleId rule, std::string_view option,
                       std::string_view fallback, std::string_view audience,
                       std::initializer_list<std::string_view> applies_to,
                       bool (*allowed)(std::string_view, std::string_view) = nullptr) {
  auto applies = [&](const Entity& f) {
    for (std::string_view t : applies_to) {
      if (f.str(n::kType) == t) return true;
    }
    return false;
  };
  for_each_field_pair(
      s, [&](const Entity& op, const Entity& np, const Entity& o, const Entity& nw) {
        if (!applies(o) || !applies(nw) || (op.flag(n::kMapEntry) && np.flag(n::kMapEntry))) return;
        const std::string_view before = o.str(option, fallback), after = nw.str(option, fallback);
        if (before == after || (allowed != nullptr && allowed(before, after))) return;
        s.out.emit(rule, np.name + "." + std::string(nw.str("name")) + "#" + std::string(option),
                   describe_field(np, nw) + " changed " + std::string(option) + " from " +
                       q(before) + " to " + q(after) + ".",
                   nw.loc_of(option), o.loc_of(option),
                   "Restore `[" + std::string(option) + " = " + std::string(before) +
                       "]`: " + std::string(audience));
      });
}

}  // namespace

void check_FIELD_SAME_NAME(const Sides& s) {
  for_each_field_pair(s, [&](const Entity&, const Entity& np, const Entity& o, const Entity& nw) {
    // Extensions are named by full name: moving one to another scope renames it.
    auto name_of = [](const Entity& f) {
      return f.kind == n::kExtension ? std::string_view(f.name) : f.str("name");
    };
    if (name_of(o) == name_of(nw)) return;
    s.out.emit(
        rules::protobuf::FIELD_SAME_NAME, np.name + "." + std::to_string(nw.num(n::kNumber)),
        describe_field(np, o) + " changed name to " + q(name_of(nw)) + ".", nw.loc_of("name"),
        o.loc_of("name"),
        "Keep the name " + std::string(o.str("name")) +
            " (generated accessors and JSON/text formats use it); to rename, add a new field "
            "and deprecate the old one.");
  });
}

namespace {

// protoc's default JSON name: underscores dropped, the letter after each one upper-cased.
std::string json_name(const Entity& field) {
  if (field.has(n::kJsonName)) return std::string(field.str(n::kJsonName));
  std::string out;
  bool upper = false;
  for (char c : field.str("name")) {
    if (c == '_') {
      upper = true;
    } else {
      out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
      upper = false;
    }
  }
  return out;
}

}  // namespace

void check_FIELD_SAME_JSON_NAME(const Sides& s) {
  for_each_field_pair(s, [&](const Entity&, const Entity& np, const Entity& o, const Entity& nw) {
    if (nw.kind == n::kExtension) return;  // extensions are spelled [full.name] in JSON
    const std::string before = json_name(o), after = json_name(nw);
    if (before == after) return;
    s.out.emit(
        rules::protobuf::FIELD_SAME_JSON_NAME, np.name + "." + std::to_string(nw.num(n::kNumber)),
        describe_field(np, nw) + " changed JSON name from " + q(before) + " to " + q(after) + ".",
        nw.loc_of(n::kJsonName), o.loc_of(n::kJsonName),
        "Keep the JSON name: add `json_name = " + q(before) +
            "` to the field so JSON payloads keep decoding.");
  });
}

void check_FIELD_SAME_CARDINALITY(const Sides& s) {
  cardinality_rule(s, rules::protobuf::FIELD_SAME_CARDINALITY, &same,
                   "generated accessors and presence semantics depend on it.");
}
void check_FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY(const Sides& s) {
  cardinality_rule(s, rules::protobuf::FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY, &wire_json_group,
                   "the binary or JSON encoding differs between these shapes.");
}
void check_FIELD_WIRE_COMPATIBLE_CARDINALITY(const Sides& s) {
  cardinality_rule(s, rules::protobuf::FIELD_WIRE_COMPATIBLE_CARDINALITY, &wire_group,
                   "the binary encoding differs between these shapes.");
}

void check_FIELD_SAME_ONEOF(const Sides& s) {
  // Which oneofs exist in OLD, per message, to recognise a new single-member oneof.
  for_each_field_pair(
      s, [&](const Entity& op, const Entity& np, const Entity& o, const Entity& nw) {
        const std::string_view before = o.str(n::kOneofName), after = nw.str(n::kOneofName);
        if (before == after) return;
        if (s.wire_only() && before.empty()) {
          // Moving a field into a brand-new oneof of its own is wire-compatible (protobuf's
          // updating guide); only generated code changes.
          bool existed = false;
          for (const Entity* one : children_of(op, n::kOneof))
            existed = existed || one->key == after;
          int members = 0;
          for (const Entity* f : children_of(np, n::kField))
            members += f->str(n::kOneofName) == after ? 1 : 0;
          if (!existed && members == 1) return;
        }
        std::string change;
        if (before.empty()) {
          change = "moved into oneof " + q(after);
        } else if (after.empty()) {
          change = "moved out of oneof " + q(before);
        } else {
          change = "moved from oneof " + q(before) + " to oneof " + q(after);
        }
        s.out.emit(rules::protobuf::FIELD_SAME_ONEOF, np.name + "." + std::string(nw.str("name")),
                   describe_field(np, nw) + " " + change + ".", nw.loc, o.loc,
                   "Keep field " + std::to_string(nw.num(n::kNumber)) +
                       " where it was: setting another member of a oneof clears it, and generated "
                       "accessors change. Add a new field in the new place instead.");
      });
}

namespace {

bool text_typed(const Entity& f) {
  const std::string_view t = f.str(n::kType);
  return t == "string" || t == "bytes";
}

std::string_view zero_of(const Entity& f) {
  return text_typed(f) ? "" : f.str(n::kType) == "bool" ? "false" : "0";
}

// As protobuf readers see them: texts byte for byte, a text never equals a number, numbers
// (bools as 0/1, enums by number) by value, so int32 5, int64 5 and double 5.0 are one default.
bool same_default(const Entity& o, const Entity& nw) {
  if (!o.has(n::kDefault) && !nw.has(n::kDefault)) return true;  // both zero
  const std::string_view a = o.str(n::kDefault, zero_of(o)), b = nw.str(n::kDefault, zero_of(nw));
  if (text_typed(o) || text_typed(nw)) return text_typed(o) && text_typed(nw) && a == b;
  auto number = [](std::string_view v) -> long double {
    if (v == "true") return 1;
    if (v == "false") return 0;
    return std::strtold(std::string(v).c_str(), nullptr);
  };
  const long double x = number(a), y = number(b);
  return x == y || (x != x && y != y);  // NaN equals NaN here
}

}  // namespace

void check_FIELD_SAME_DEFAULT(const Sides& s) {
  for_each_field_pair(s, [&](const Entity&, const Entity& np, const Entity& o, const Entity& nw) {
    // Repeated, map and message fields have no default.
    auto has_default = [](const Entity& f) {
      const std::string_view c = f.str(n::kCardinality), t = f.str(n::kType);
      return c != "repeated" && c != "map" && t != "message" && t != "group";
    };
    if (!has_default(o) || !has_default(nw)) return;
    // Values are normalised by the loader (numbers in shortest form, enums by number, zero left
    // out), so an int32 5 and an int64 5, or 1.5 and 15e-1, compare equal.
    if (same_default(o, nw)) return;
    // Texts quoted, numbers, bools and enum values bare, as they are written in a .proto.
    auto shown = [](const Entity& f) {
      const std::string_view v = f.str(n::kDefaultShown, f.str(n::kDefault, zero_of(f)));
      return text_typed(f) ? q(v) : std::string(v);
    };
    s.out.emit(rules::protobuf::FIELD_SAME_DEFAULT, np.name + "." + std::string(nw.str("name")),
               describe_field(np, nw) + " changed default value from " + shown(o) + " to " +
                   shown(nw) + ".",
               nw.loc_of(n::kDefault), o.loc_of(n::kDefault),
               "Keep `[default = " + shown(o) +
                   "]`: readers substitute the default for unset fields, so old and new readers "
                   "would see different values for the same bytes.");
  });
}

void check_FIELD_SAME_JSTYPE(const Sides& s) {
  same_field_option(s, rules::protobuf::FIELD_SAME_JSTYPE, "jstype", "JS_NORMAL",
                    "JavaScript code sees 64-bit integers as numbers or strings depending on it.",
                    {"int64", "sint64", "uint64", "fixed64", "sfixed64"});
}

void check_FIELD_SAME_CPP_STRING_TYPE(const Sides& s) {
  same_field_option(s, rules::protobuf::FIELD_SAME_CPP_STRING_TYPE, "ctype", "STRING",
                    "the C++ accessor types (std::string, absl::Cord, string_view) depend on it.",
                    {"string", "bytes"}, [](std::string_view before, std::string_view after) {
                      // STRING_PIECE was never honoured by open-source C++; dropping it is a no-op.
                      return before == "STRING_PIECE" && after == "STRING";
                    });
}

namespace {

// The UTF-8 rules: an effective validation mode per string field, compared across versions.
void same_validation(const Sides& s, RuleId rule, std::string_view attr,
                     std::string_view what, std::string_view fix) {
  for_each_field_pair(s, [&](const Entity&, const Entity& np, const Entity& o, const Entity& nw) {
    if (!o.has(attr) || !nw.has(attr)) return;  // not a string field on both sides
    const std::string_view before = o.str(attr), after = nw.str(attr);
    if (before == after) return;
    s.out.emit(rule, np.name + "." + std::string(nw.str("name")),
               describe_field(np, nw) + " changed " + std::string(what) + " from " + q(before) +
                   " to " + q(after) + ".",
               nw.loc_of(attr), o.loc_of(attr), std::string(fix));
  });
}

}  // namespace

void check_FIELD_SAME_JAVA_UTF8_VALIDATION(const Sides& s) {
  same_validation(
      s, rules::protobuf::FIELD_SAME_JAVA_UTF8_VALIDATION, n::kJavaUtf8Validation, "Java UTF-8 validation",
      "Keep `option java_string_check_utf8` as it was: Java parsers would start (or stop) "
      "rejecting strings that are not valid UTF-8.");
}

void check_FIELD_SAME_UTF8_VALIDATION(const Sides& s) {
  same_validation(
      s, rules::protobuf::FIELD_SAME_UTF8_VALIDATION, n::kUtf8Validation, "UTF-8 validation",
      "Keep the file's syntax: proto3 parsers reject invalid UTF-8 in strings that proto2 "
      "parsers accept, so data written under one fails under the other.");
}

}  // namespace breakwater::protobuf
