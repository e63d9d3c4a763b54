// Reading a schema entity's keyword values the way the comparison needs them: numbers whatever
// their spelling, `type` as a set, the JSON type of a listed value, numeric bounds with their
// exclusivity.
#pragma once

#include <breakwater/model.hpp>

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace breakwater::jsonschema {

inline std::optional<double> num(const Entity& e, std::string_view attr) {
  const Attr* a = e.find(attr);
  if (a == nullptr) return std::nullopt;
  if (const double* d = std::get_if<double>(&a->value)) return *d;
  if (const int64_t* i = std::get_if<int64_t>(&a->value)) return static_cast<double>(*i);
  return std::nullopt;
}

constexpr std::string_view kTypeNames[] = {"array",  "boolean", "integer", "null",
                                           "number", "object",  "string"};

// A `type` keyword as a set of JSON types (absent: all of them).
class TypeSet {
 public:
  static TypeSet of(const Entity& e) {
    const Attr* attr = e.find("type");
    if (attr == nullptr) return TypeSet(0x7F);
    const std::string_view t = std::get<std::string>(attr->value);
    uint8_t bits = 0;
    for (size_t start = 0; start <= t.size();) {
      const size_t comma = t.find(',', start);
      bits |= bit(t.substr(start, comma == std::string_view::npos ? t.npos : comma - start));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    return TypeSet(bits);
  }
  bool has(std::string_view t) const { return (bits_ & bit(t)) != 0; }
  bool all() const { return bits_ == 0x7F; }
  bool none() const { return bits_ == 0; }
  // The types a value of both sets can have (an integer is also a number).
  TypeSet meet(TypeSet other) const {
    uint8_t bits = bits_ & other.bits_;
    if ((has("integer") && other.has("number")) || (has("number") && other.has("integer")))
      bits |= bit("integer");
    return TypeSet(bits);
  }
  // As the loader spells `type`: sorted names joined by commas.
  std::string text() const {
    std::string out;
    for (std::string_view n : names()) {
      if (!out.empty()) out += ',';
      out += n;
    }
    return out;
  }
  std::vector<std::string_view> names() const {
    std::vector<std::string_view> out;
    for (size_t i = 0; i < std::size(kTypeNames); ++i) {
      if (bits_ & (1u << i)) out.push_back(kTypeNames[i]);
    }
    return out;
  }

 private:
  explicit TypeSet(uint8_t bits) : bits_(bits) {}
  static uint8_t bit(std::string_view t) {
    for (size_t i = 0; i < std::size(kTypeNames); ++i) {
      if (kTypeNames[i] == t) return static_cast<uint8_t>(1u << i);
    }
    return 0;
  }
  uint8_t bits_;
};

inline TypeSet types_of(const Entity& e) {
  return TypeSet::of(e);
}

// Whether a schema whose `type` is `types` can accept a value of JSON type `t`.
inline bool allows(const TypeSet& types, std::string_view t) {
  return types.has(t) || (t == "integer" && types.has("number"));
}

// The JSON type of a canonical value ("3" -> integer, "\"x\"" -> string...).
inline std::string type_of_value(std::string_view v) {
  if (v.empty()) return "null";
  if (v.front() == '"') return "string";
  if (v.front() == '{') return "object";
  if (v.front() == '[') return "array";
  if (v == "true" || v == "false") return "boolean";
  if (v == "null") return "null";
  return v.find_first_of(".eE") == std::string_view::npos ? "integer" : "number";
}

struct Bound {
  double value;
  bool exclusive;
};

inline std::optional<Bound> lower(const Entity& e) {
  const auto m = num(e, "minimum"), x = num(e, "exclusiveMinimum");
  if (m && x) return *x >= *m ? Bound{*x, true} : Bound{*m, false};
  if (x) return Bound{*x, true};
  if (m) return Bound{*m, false};
  return std::nullopt;
}

inline std::optional<Bound> upper(const Entity& e) {
  const auto m = num(e, "maximum"), x = num(e, "exclusiveMaximum");
  if (m && x) return *x <= *m ? Bound{*x, true} : Bound{*m, false};
  if (x) return Bound{*x, true};
  if (m) return Bound{*m, false};
  return std::nullopt;
}

}  // namespace breakwater::jsonschema
