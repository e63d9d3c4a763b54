// Message-level rules: required fields, descriptor accessors, JSON support.
#include "formats/protobuf/checks.hpp"
#include "formats/protobuf/names.hpp"
#include "rule_ids/protobuf.hpp"

#include <set>

namespace breakwater::protobuf {
namespace n = names;

void check_MESSAGE_SAME_REQUIRED_FIELDS(const Sides& s) {
  for_each_pair(s, n::kMessage, [&](const Placed& o, const Placed& nw) {
    auto required = [](const Entity& m) {
      std::map<int64_t, const Entity*> out;
      for (const Entity* f : children_of(m, n::kField)) {
        if (f->str(n::kCardinality) == "required") out.emplace(f->num(n::kNumber), f);
      }
      return out;
    };
    const auto before = required(*o.entity);
    const auto after = required(*nw.entity);
    for (const auto& [number, f] : after) {
      if (before.contains(number)) continue;
      s.out.emit(
          rules::protobuf::MESSAGE_SAME_REQUIRED_FIELDS, nw.entity->name + "." + std::string(f->str("name")),
          "Message " + q(nw.entity->name) + " has a new required field " + std::to_string(number) +
              " " + q(f->str("name")) + ".",
          f->loc, o.entity->loc,
          "Make field " + std::to_string(number) +
              " optional: old writers never set it, so new readers would reject their messages.");
    }
    for (const auto& [number, f] : before) {
      if (after.contains(number)) continue;
      s.out.emit(
          rules::protobuf::MESSAGE_SAME_REQUIRED_FIELDS, o.entity->name + "." + std::string(f->str("name")),
          "Message " + q(nw.entity->name) + " no longer requires field " + std::to_string(number) +
              " " + q(f->str("name")) + ".",
          nw.entity->loc, f->loc,
          "Keep field " + std::to_string(number) +
              " required: old readers reject messages from new writers that leave it unset.");
    }
  });
}

void check_MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR(const Sides& s) {
  constexpr std::string_view option = "no_standard_descriptor_accessor";
  for_each_pair(s, n::kMessage, [&](const Placed& o, const Placed& nw) {
    if (o.entity->flag(option) || !nw.entity->flag(option)) return;
    s.out.emit(rules::protobuf::MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR, nw.entity->name,
               "Message " + q(nw.entity->name) + " turned on " + q(option) +
                   ", removing the standard descriptor() accessor.",
               nw.entity->loc_of(option), o.entity->loc_of(option),
               "Remove `option no_standard_descriptor_accessor = true;`: generated code that calls "
               "descriptor() would stop compiling.");
  });
}

namespace {

// JSON support is ranked; only a downgrade breaks JSON users.
int json_rank(std::string_view format) {
  return format == "ALLOW" ? 1 : 0;
}

void json_format_not_degraded(const Sides& s, RuleId rule, std::string_view kind) {
  for_each_pair(s, kind, [&](const Placed& o, const Placed& nw) {
    const std::string_view before = o.entity->str(n::kJsonFormat, "ALLOW");
    const std::string_view after = nw.entity->str(n::kJsonFormat, "ALLOW");
    if (json_rank(after) >= json_rank(before)) return;
    s.out.emit(
        rule, nw.entity->name,
        std::string(kind == n::kEnum ? "Enum " : "Message ") + q(nw.entity->name) +
            " JSON format support changed from " + std::string(before) + " to " +
            std::string(after) + ".",
        nw.entity->loc, o.entity->loc,
        "Keep full JSON support (proto3, or `features.json_format = ALLOW`): JSON clients of " +
            nw.entity->name + " may no longer round-trip.");
  });
}

}  // namespace

void check_MESSAGE_SAME_JSON_FORMAT(const Sides& s) {
  json_format_not_degraded(s, rules::protobuf::MESSAGE_SAME_JSON_FORMAT, n::kMessage);
}
void check_ENUM_SAME_JSON_FORMAT(const Sides& s) {
  json_format_not_degraded(s, rules::protobuf::ENUM_SAME_JSON_FORMAT, n::kEnum);
}

}  // namespace breakwater::protobuf
