// JSON Schema patterns on RE2 (linear time, no backtracking). See pattern_match.hpp.
#include "formats/jsonschema/pattern_match.hpp"

#include <re2/re2.h>

#include <map>

namespace breakwater::jsonschema {

namespace {

constexpr size_t kMaxLength = 4096;

RE2::Options pattern_options() {
  // UTF-8 (the default): a name is matched code point by code point. A pattern RE2 refuses is
  // an answer (a match), not a message on stderr.
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

}  // namespace

// Each pattern as RE2 compiled it; null when RE2 could not.
struct PatternMatcher::Compiled {
  std::map<std::string, std::unique_ptr<RE2>> by_pattern;
};

PatternMatcher::PatternMatcher() : compiled_(std::make_unique<Compiled>()) {}
PatternMatcher::~PatternMatcher() = default;

bool PatternMatcher::matches(const std::string& pattern, const std::string& name) {
  if (name.size() > kMaxLength || pattern.size() > kMaxLength) return true;
  auto it = compiled_->by_pattern.find(pattern);
  if (it == compiled_->by_pattern.end()) {
    auto re = std::make_unique<RE2>(pattern, pattern_options());
    if (!re->ok()) re = nullptr;
    it = compiled_->by_pattern.emplace(pattern, std::move(re)).first;
  }
  if (!it->second) return true;
  return RE2::PartialMatch(name, *it->second);
}

}  // namespace breakwater::jsonschema
