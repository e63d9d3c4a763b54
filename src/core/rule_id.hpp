// A rule as checks name it. The constants are generated from the catalog's file names
// (build/generated/rule_ids/<format>.hpp, namespace breakwater::rules::<format>), so naming a
// rule the catalog does not have is a compile error, not a finding silently lost.
#pragma once

#include <cstdint>
#include <string_view>

namespace breakwater {

class RuleId {
 public:
  constexpr RuleId(std::string_view format, std::string_view id, uint16_t ordinal)
      : format_(format), id_(id), ordinal_(ordinal) {}
  constexpr std::string_view format() const { return format_; }
  constexpr std::string_view id() const { return id_; }
  // Position among its format's rules in catalog order: selections and catalog lookups index
  // by it instead of comparing strings.
  constexpr uint16_t ordinal() const { return ordinal_; }
  constexpr bool operator==(const RuleId& other) const {
    return ordinal_ == other.ordinal_ && format_ == other.format_;
  }

 private:
  std::string_view format_;
  std::string_view id_;
  uint16_t ordinal_;
};

}  // namespace breakwater
