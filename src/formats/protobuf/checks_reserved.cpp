// Range rules: reserved numbers/names and extension ranges that were dropped or narrowed.
#include "formats/protobuf/checks.hpp"
#include "formats/protobuf/names.hpp"
#include "rule_ids/protobuf.hpp"

#include <algorithm>
#include <set>

namespace breakwater::protobuf {
namespace n = names;

bool NumberRanges::covers(int64_t first, int64_t last) const {
  for (const auto& [a, b] : merged) {
    if (first >= a && last <= b) return true;
  }
  return false;
}

NumberRanges collapsed(const Entity& parent, std::string_view kind) {
  NumberRanges r;
  for (const Entity& c : parent.children) {
    if (c.kind == kind) r.merged.emplace_back(c.num(n::kStart), c.num(n::kEnd));
  }
  std::sort(r.merged.begin(), r.merged.end());
  std::vector<std::pair<int64_t, int64_t>> out;
  for (const auto& range : r.merged) {
    if (!out.empty() && range.first <= out.back().second + 1) {
      out.back().second = std::max(out.back().second, range.second);
    } else {
      out.push_back(range);
    }
  }
  r.merged = std::move(out);
  return r;
}

std::set<std::string, std::less<>> reserved_names(const Entity& parent) {
  std::set<std::string, std::less<>> names;
  for (const Entity& c : parent.children) {
    if (c.kind == n::kReservedName) names.insert(c.key);
  }
  return names;
}

namespace {

// The highest number a range may reach, which buf spells "max".
int64_t max_number(const Entity& owner) {
  if (owner.kind == n::kEnum) return 2147483647;
  return owner.flag("message_set_wire_format") ? 2147483646 : 536870911;
}

std::string range_text(int64_t a, int64_t b, int64_t max) {
  if (a == b) return "[" + std::to_string(a) + "]";
  return "[" + std::to_string(a) + "," + (b == max ? std::string("max") : std::to_string(b)) + "]";
}

std::string proto_range(int64_t a, int64_t b, int64_t max) {
  if (a == b) return std::to_string(a);
  return std::to_string(a) + " to " + (b == max ? std::string("max") : std::to_string(b));
}

// Each OLD range (as declared) must still be covered by the union of the NEW ranges; the
// uncovered pieces are named.
void lost_ranges(const Sides& s, RuleId rule, std::string_view owner_kind,
                 std::string_view range_kind, std::string_view what) {
  for_each_pair(s, owner_kind, [&](const Placed& o, const Placed& nw) {
    const NumberRanges after = collapsed(*nw.entity, range_kind);
    const int64_t old_max = max_number(*o.entity), new_max = max_number(*nw.entity);
    for (const Entity& c : o.entity->children) {
      if (c.kind != range_kind) continue;
      const int64_t a = c.num(n::kStart), b = c.num(n::kEnd);
      std::vector<std::pair<int64_t, int64_t>> missing;
      int64_t next = a;
      for (const auto& [x, y] : after.merged) {
        if (y < next || x > b) continue;
        if (x > next) missing.emplace_back(next, x - 1);
        next = std::max(next, y + 1);
        if (next > b) break;
      }
      if (next <= b) missing.emplace_back(next, b);
      if (missing.empty()) continue;
      std::string pieces;
      for (const auto& [x, y] : missing)
        pieces += (pieces.empty() ? "" : ", ") + range_text(x, y, new_max);
      const std::string keyword = range_kind == n::kReservedRange ? "reserved" : "extensions";
      s.out.emit(rule, o.entity->name + "#" + std::string(range_kind) + range_text(a, b, old_max),
                 "Previously present " + std::string(what) + " " + q(range_text(a, b, old_max)) +
                     " on " + std::string(noun(*o.entity)) + " " + q(o.entity->name) +
                     " is missing values: " + pieces + " were removed.",
                 nw.entity->loc, c.loc,
                 "Keep `" + keyword + " " + proto_range(a, b, old_max) + ";` in " +
                     std::string(noun(*o.entity)) + " " + o.entity->key +
                     (range_kind == n::kReservedRange
                          ? ": reserved numbers protect old data from being decoded as a new field."
                          : ": extensions may already use those numbers."));
    }
    if (range_kind != n::kReservedRange) return;
    const auto now = reserved_names(*nw.entity);
    std::set<std::string_view> reported;
    for (const Entity& c : o.entity->children) {
      if (c.kind != n::kReservedName || now.contains(c.key) || !reported.insert(c.key).second)
        continue;
      s.out.emit(rule, o.entity->name + "#reserved_name." + c.key,
                 "Previously present reserved name " + q(c.key) + " on " +
                     std::string(noun(*o.entity)) + " " + q(o.entity->name) + " was deleted.",
                 nw.entity->loc, c.loc,
                 "Keep `reserved \"" + c.key + "\";` in " + std::string(noun(*o.entity)) + " " +
                     o.entity->key + ": JSON and text readers may still see the old name.");
    }
  });
}

}  // namespace

void check_RESERVED_MESSAGE_NO_DELETE(const Sides& s) {
  lost_ranges(s, rules::protobuf::RESERVED_MESSAGE_NO_DELETE, n::kMessage, n::kReservedRange, "reserved range");
}
void check_RESERVED_ENUM_NO_DELETE(const Sides& s) {
  lost_ranges(s, rules::protobuf::RESERVED_ENUM_NO_DELETE, n::kEnum, n::kReservedRange, "reserved range");
}
void check_EXTENSION_MESSAGE_NO_DELETE(const Sides& s) {
  lost_ranges(s, rules::protobuf::EXTENSION_MESSAGE_NO_DELETE, n::kMessage, n::kExtensionRange, "extension range");
}

}  // namespace breakwater::protobuf
