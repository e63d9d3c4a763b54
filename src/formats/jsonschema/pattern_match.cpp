// JSON Schema patterns on std::regex. See pattern_match.hpp.
#include "formats/jsonschema/pattern_match.hpp"

#include <map>
#include <regex>

namespace breakwater::jsonschema {

// Each pattern as std::regex compiled it; null when it could not.
struct PatternMatcher::Compiled {
  std::map<std::string, std::unique_ptr<std::regex>> by_pattern;
};

PatternMatcher::PatternMatcher() : compiled_(std::make_unique<Compiled>()) {}
PatternMatcher::~PatternMatcher() = default;

// libstdc++'s polynomial (breadth-first) matcher keeps hostile patterns such as ^(a+)+$ from
// backtracking for ever.
bool PatternMatcher::matches(const std::string& pattern, const std::string& name) {
  if (name.size() > 4096 || pattern.size() > 4096) return true;
  auto it = compiled_->by_pattern.find(pattern);
  if (it == compiled_->by_pattern.end()) {
    std::unique_ptr<std::regex> r;
    try {
      r = std::make_unique<std::regex>(pattern,
                                       std::regex::ECMAScript | std::regex_constants::__polynomial);
    } catch (const std::regex_error&) {
      r = nullptr;
    }
    it = compiled_->by_pattern.emplace(pattern, std::move(r)).first;
  }
  if (!it->second) return true;
  try {
    return std::regex_search(name, *it->second);
  } catch (const std::regex_error&) {
    return true;
  }
}

}  // namespace breakwater::jsonschema
