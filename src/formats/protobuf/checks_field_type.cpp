// Field type rules: exact type (generated code), and the wire / wire+JSON compatible subsets.
#include "formats/protobuf/checks.hpp"
#include "formats/protobuf/names.hpp"

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
bool enum_compatible(const Sides& s, const Entity& o, const Entity& nw) {
  const std::string_view a = o.str(n::kTypeName), b = nw.str(n::kTypeName);
  if (short_name(a) != short_name(b)) return false;
  const Placed* old_enum = s.old_side.by_full_name(a);
  const Placed* new_enum = s.new_side.by_full_name(b);
  if (old_enum == nullptr || new_enum == nullptr) return false;
  std::set<std::pair<std::string_view, int64_t>> now;
  for (const Entity* v : children_of(*new_enum->entity, n::kEnumValue))
    now.emplace(v->key, v->num(n::kNumber));
  for (const Entity* v : children_of(*old_enum->entity, n::kEnumValue)) {
    if (!now.contains({v->key, v->num(n::kNumber)})) return false;
  }
  return true;
}

// Two map fields encode alike when key and value types agree, whatever the entry is called.
bool same_map_shape(const Entity& o, const Entity& nw) {
  return o.has(n::kMapKey) && nw.has(n::kMapKey) && o.str(n::kMapKey) == nw.str(n::kMapKey) &&
         o.str(n::kMapValue) == nw.str(n::kMapValue);
}

enum class Audience { generated_code, wire_json, wire };

bool compatible(const Sides& s, const Entity& o, const Entity& nw, Audience audience) {
  const std::string_view a = o.str(n::kType), b = nw.str(n::kType);
  if (a == b && o.str(n::kTypeName) == nw.str(n::kTypeName)) return true;
  if (audience == Audience::generated_code) return false;
  if (a == "message" && b == "message") return same_map_shape(o, nw);
  if (a == "enum" && b == "enum") return enum_compatible(s, o, nw);
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

void type_rule(const Sides& s, std::string_view rule, Audience audience, std::string_view why) {
  for_each_field_pair(s, [&](const Entity&, const Entity& np, const Entity& o, const Entity& nw) {
    if (compatible(s, o, nw, audience)) return;
    s.out.emit(rule, np.name + "." + std::string(nw.str("name")),
               describe_field(np, nw) + " changed type from " + q(shown_type(o)) + " to " +
                   q(shown_type(nw)) + ".",
               nw.loc_of(n::kType), o.loc_of(n::kType),
               "Keep field " + std::to_string(nw.num(n::kNumber)) + " as " + shown_type(o) + "; " +
                   std::string(why) + " Add a new field with a new number and deprecate this one.");
  });
}

}  // namespace

void check_FIELD_SAME_TYPE(const Sides& s) {
  type_rule(s, "FIELD_SAME_TYPE", Audience::generated_code,
            "generated code that reads or writes it stops compiling.");
}
void check_FIELD_WIRE_JSON_COMPATIBLE_TYPE(const Sides& s) {
  type_rule(s, "FIELD_WIRE_JSON_COMPATIBLE_TYPE", Audience::wire_json,
            "stored or in-flight binary or JSON data would decode differently.");
}
void check_FIELD_WIRE_COMPATIBLE_TYPE(const Sides& s) {
  type_rule(s, "FIELD_WIRE_COMPATIBLE_TYPE", Audience::wire,
            "stored or in-flight binary data would decode differently.");
}

}  // namespace breakwater::protobuf
