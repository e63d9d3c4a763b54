// Enum rules: openness and the names of each number.
#include "formats/protobuf/checks.hpp"
#include "formats/protobuf/names.hpp"
#include "rule_ids/protobuf.hpp"

#include <map>
#include <set>

namespace breakwater::protobuf {
namespace n = names;

void check_ENUM_SAME_TYPE(const Sides& s) {
  for_each_pair(s, n::kEnum, [&](const Placed& o, const Placed& nw) {
    const bool before = o.entity->flag(n::kClosed), after = nw.entity->flag(n::kClosed);
    if (before == after) return;
    auto kind = [](bool closed) { return closed ? "closed" : "open"; };
    s.out.emit(
        rules::protobuf::ENUM_SAME_TYPE, nw.entity->name,
        "Enum " + q(nw.entity->name) + " changed from " + kind(before) + " to " + kind(after) + ".",
        nw.entity->loc, o.entity->loc,
        "Keep the enum in a file of its original syntax: open enums keep unknown values, "
        "closed enums move them to unknown fields, so readers disagree on the data.");
  });
}

void check_ENUM_VALUE_SAME_NAME(const Sides& s) {
  for_each_pair(s, n::kEnum, [&](const Placed& o, const Placed& nw) {
    std::map<int64_t, std::set<std::string_view>> before, after;
    for (const Entity* v : children_of(*o.entity, n::kEnumValue))
      before[v->num(n::kNumber)].insert(v->key);
    for (const Entity* v : children_of(*nw.entity, n::kEnumValue))
      after[v->num(n::kNumber)].insert(v->key);
    auto listed = [](const std::set<std::string_view>& names) {
      std::string out;
      for (std::string_view name : names) out += (out.empty() ? "" : ", ") + q(name);
      return out;
    };
    // Adding an alias is fine; every OLD name of a number must survive on that number.
    for (const Entity* v : children_of(*nw.entity, n::kEnumValue)) {
      const int64_t number = v->num(n::kNumber);
      auto old_names = before.find(number);
      if (old_names == before.end()) continue;
      const auto& new_names = after[number];
      bool kept = true;
      for (std::string_view name : old_names->second) kept = kept && new_names.contains(name);
      if (kept) continue;
      const Entity* old_value = nullptr;
      for (const Entity* ov : children_of(*o.entity, n::kEnumValue)) {
        if (old_value == nullptr && ov->num(n::kNumber) == number) old_value = ov;
      }
      s.out.emit(rules::protobuf::ENUM_VALUE_SAME_NAME, nw.entity->name + "." + v->key,
                 "Enum value " + std::to_string(number) + " on enum " + q(nw.entity->name) +
                     " changed name from " + listed(old_names->second) + " to " +
                     listed(new_names) + ".",
                 v->loc_of(n::kNumber), old_value->loc_of(n::kNumber),
                 "Keep " + listed(old_names->second) + " on " + std::to_string(number) +
                     " (JSON and text formats use the name); to rename, set `option allow_alias = "
                     "true;`, add the new name as an alias and deprecate the old one.");
    }
  });
}

}  // namespace breakwater::protobuf
