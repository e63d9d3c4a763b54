// Values as the comparison's findings spell them. See compare_wording.hpp.
#include "formats/jsonschema/compare_wording.hpp"

#include "core/quote.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace breakwater::jsonschema {

std::string q(std::string_view s) {
  return detail::quoted(s);  // the one quoting policy (core/quote.hpp)
}

std::string number_text(double d) {
  if (d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  std::string s = std::to_string(d);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

std::string bound_text(std::optional<Bound> b, bool low) {
  if (!b) return "none";
  return std::string(low ? (b->exclusive ? "> " : ">= ") : (b->exclusive ? "< " : "<= ")) +
         number_text(b->value);
}

std::string readable_names(std::string names) {
  std::replace(names.begin(), names.end(), '\x1f', ',');
  return names;
}

std::string property_path(std::string_view location) {
  const size_t hash = location.find('#');
  if (hash == std::string_view::npos) return "";
  std::string_view pointer = location.substr(hash + 1);
  std::vector<std::string_view> segments;
  while (!pointer.empty()) {
    pointer.remove_prefix(1);  // '/'
    const size_t slash = std::min(pointer.find('/'), pointer.size());
    segments.push_back(pointer.substr(0, slash));
    pointer.remove_prefix(slash);
  }
  std::string path;
  bool combinator = false;
  const auto add = [&](std::string_view name, bool member) {
    if (member && !path.empty() && !path.ends_with(": ")) path += '.';
    path += name;
  };
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string_view s = segments[i];
    const bool has_next = i + 1 < segments.size();
    if ((s == "properties" || s == "patternProperties") && has_next) {
      add(s == "properties" ? segments[++i] : "<" + std::string(segments[++i]) + ">", true);
    } else if ((s == "$defs" || s == "definitions") && has_next) {
      path = std::string(segments[++i]) + ": ";
    } else if (s == "items" || s == "additionalItems" || s == "contains") {
      path += "[]";
    } else if (s == "prefixItems" && has_next) {
      path += "[" + std::string(segments[++i]) + "]";
    } else if (s == "additionalProperties") {
      add("*", true);
    } else if ((s == "allOf" || s == "anyOf" || s == "oneOf") && has_next) {
      combinator = true;
      ++i;
    } else if (s == "not" || s == "if" || s == "then" || s == "else") {
      combinator = true;
    }
  }
  if (!combinator || path.empty() || path.ends_with(": ")) return "";
  return path;
}

}  // namespace breakwater::jsonschema
