// Values as the comparison's findings spell them. See compare_wording.hpp.
#include "formats/jsonschema/compare_wording.hpp"

#include "core/quote.hpp"

#include <algorithm>
#include <cmath>

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

}  // namespace breakwater::jsonschema
