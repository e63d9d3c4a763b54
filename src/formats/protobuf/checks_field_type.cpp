// Field type rules: exact type (generated code), and the wire / wire+JSON compatible subsets.
#include "formats/protobuf/checks.hpp"
#include "formats/protobuf/names.hpp"
#include "rule_ids/protobuf.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace breakwater::protobuf {
namespace n = names;

namespace {

// A field's type as users read it: the scalar name, or the full message/enum name.
std::string shown_type(const Entity& f) {
  const std::string_view t = f.str(n::kType);
  if (t == "message" || t == "enum" || t == "group") return std::string(f.str(n::kTypeName));
  return std::string(t);
}

bool in_group(std::string_view a, std::string_view b,
              std::initializer_list<std::initializer_list<std::string_view>> groups) {
  for (const auto& g : groups) {
    bool has_a = false, has_b = false;
    for (std::string_view x : g) {
      has_a = has_a || x == a;
      has_b = has_b || x == b;
    }
    if (has_a && has_b) return true;
  }
  return false;
}

std::string_view short_name(std::string_view full) {
  const auto dot = full.rfind('.');
  return dot == std::string_view::npos ? full : full.substr(dot + 1);
}

// Enum to enum is safe when the short name is kept and every OLD value keeps its number.
bool enum_compatible(const Entity& o, const Entity& nw) {
  if (short_name(o.str(n::kTypeName)) != short_name(nw.str(n::kTypeName))) return false;
  auto values = [](std::string_view signature) {
    std::set<std::string_view> out;
    while (!signature.empty()) {
      const auto comma = signature.find(',');
      out.insert(signature.substr(0, comma));
      if (comma == std::string_view::npos) break;
      signature.remove_prefix(comma + 1);
    }
    return out;
  };
  const auto before = values(o.str(n::kEnumValues)), after = values(nw.str(n::kEnumValues));
  return std::includes(after.begin(), after.end(), before.begin(), before.end());
}

// Two map fields encode alike when key and value types agree, whatever the entry is called.
bool same_map_shape(const Entity& o, const Entity& nw) {
  return o.has(n::kMapKey) && nw.has(n::kMapKey) && o.str(n::kMapKey) == nw.str(n::kMapKey) &&
         o.str(n::kMapValue) == nw.str(n::kMapValue);
}

enum class Audience { generated_code, wire_json, wire };

bool compatible(const Entity& o, const Entity& nw, Audience audience) {
  const std::string_view a = o.str(n::kType), b = nw.str(n::kType);
  if (a == b && o.str(n::kTypeName) == nw.str(n::kTypeName)) return true;
  if (audience == Audience::generated_code) return false;
  if (a == "message" && b == "message") return same_map_shape(o, nw);
  if (a == "enum" && b == "enum") return enum_compatible(o, nw);
  if (audience == Audience::wire_json) {
    return in_group(a, b,
                    {{"int32", "uint32"},
                     {"int64", "uint64"},
                     {"fixed32", "sfixed32"},
                     {"fixed64", "sfixed64"}});
  }
  if (a == "string" && b == "bytes") return true;
  return in_group(a, b,
                  {{"int32", "int64", "uint32", "uint64", "bool"},
                   {"sint32", "sint64"},
                   {"fixed32", "sfixed32"},
                   {"fixed64", "sfixed64"}});
}

void type_rule(const Sides& s, RuleId rule, Audience audience, std::string_view why) {
  for_each_field_pair(s, [&](const Entity&, const Entity& np, const Entity& o, const Entity& nw) {
    if (compatible(o, nw, audience)) return;
    // The same message, once as a group (proto2) or delimited (editions), once length-prefixed.
    const auto shown = [&](const Entity& f) {
      const bool only_encoding = shown_type(o) == shown_type(nw);
      return q(shown_type(f)) + (only_encoding && f.str(n::kType) == "group"
                                     ? " (delimited encoding)"
                                     : only_encoding ? " (length-prefixed)" : "");
    };
    s.out.emit(rule, np.name + "." + std::string(nw.str("name")),
               describe_field(np, nw) + " changed type from " + shown(o) + " to " + shown(nw) +
                   ".",
               nw.loc_of(n::kType), o.loc_of(n::kType),
               "Keep field " + std::to_string(nw.num(n::kNumber)) + " as " + shown_type(o) + "; " +
                   std::string(why) + " Add a new field with a new number and deprecate this one.");
  });
}

}  // namespace

void check_FIELD_SAME_TYPE(const Sides& s) {
  type_rule(s, rules::protobuf::FIELD_SAME_TYPE, Audience::generated_code,
            "generated code that reads or writes it stops compiling.");
}
void check_FIELD_WIRE_JSON_COMPATIBLE_TYPE(const Sides& s) {
  type_rule(s, rules::protobuf::FIELD_WIRE_JSON_COMPATIBLE_TYPE, Audience::wire_json,
            "stored or in-flight binary or JSON data would decode differently.");
}
void check_FIELD_WIRE_COMPATIBLE_TYPE(const Sides& s) {
  type_rule(s, rules::protobuf::FIELD_WIRE_COMPATIBLE_TYPE, Audience::wire,
            "stored or in-flight binary data would decode differently.");
}

}  // namespace breakwater::protobuf
