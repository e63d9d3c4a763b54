#include "formats/cpp/macro_expansion.hpp"

#include <set>
#include <string_view>

namespace breakwater::cpp {
namespace {

std::vector<std::string> split_tokens(std::string_view body) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < body.size()) {
    const size_t end = body.find(' ', i);
    const size_t stop = end == std::string_view::npos ? body.size() : end;
    if (stop > i) out.emplace_back(body.substr(i, stop - i));
    i = stop + 1;
  }
  return out;
}

struct Expander {
  const std::map<std::string, std::vector<std::string>>& bodies;
  std::set<std::string> active;  // macros being expanded: not replaced again
  std::vector<std::string> out;
  size_t steps = 0;  // tokens visited: bounds the work of empty macros repeated
  bool overflow = false;

  void expand(const std::vector<std::string>& tokens) {
    if (active.size() > kMaxExpansionDepth) {
      overflow = true;
      return;
    }
    for (const std::string& t : tokens) {
      if (overflow || ++steps > 4 * kMaxExpansionTokens) {
        overflow = true;
        return;
      }
      const auto it = bodies.find(t);
      if (it == bodies.end() || active.contains(t)) {
        out.push_back(t);
        if (out.size() > kMaxExpansionTokens) overflow = true;
        continue;
      }
      active.insert(t);
      expand(it->second);
      active.erase(t);
    }
  }
};

}  // namespace

std::map<std::string, std::string> expand_object_macros(
    const std::vector<std::string>& definitions) {
  constexpr std::string_view directive = "#define ";
  std::map<std::string, std::vector<std::string>> bodies;  // object-like only
  for (const std::string& d : definitions) {
    if (!d.starts_with(directive)) continue;
    const std::string_view rest = std::string_view(d).substr(directive.size());
    const size_t name_end = rest.find_first_of(" (");
    if (name_end != std::string_view::npos && rest[name_end] == '(') continue;  // function-like
    const std::string name(rest.substr(0, name_end));
    // The last definition wins, as where the headers redefine one after #undef.
    bodies[name] = name_end == std::string_view::npos ? std::vector<std::string>()
                                                      : split_tokens(rest.substr(name_end + 1));
  }
  std::map<std::string, std::string> out;
  for (const auto& [name, body] : bodies) {
    bool names_macro = false;
    for (const std::string& t : body)
      names_macro = names_macro || (bodies.contains(t) && t != name);
    if (!names_macro) continue;
    Expander e{bodies, {name}, {}, 0, false};
    e.expand(body);
    if (e.overflow) continue;
    std::string joined;
    for (const std::string& t : e.out) joined += (joined.empty() ? "" : " ") + t;
    out.emplace(name, std::move(joined));
  }
  return out;
}

}  // namespace breakwater::cpp
