// Whether a property name or string matches a JSON Schema `pattern` (ECMA-262 syntax). RE2
// answers first, in time linear in the name, so a hostile pattern such as ^(a+)+$ cannot stall
// a run; what RE2 does not support (lookbehind, lookahead, backreferences) goes to PCRE2 with
// ECMAScript's escapes and bounded match work. Kept apart so neither engine reaches another
// header.
#pragma once

#include <memory>
#include <string>

namespace breakwater::jsonschema {

enum class Match { yes, no, unknown };

class PatternMatcher {
 public:
  PatternMatcher();
  ~PatternMatcher();
  PatternMatcher(const PatternMatcher&) = delete;
  PatternMatcher& operator=(const PatternMatcher&) = delete;

  // Whether `pattern` matches somewhere in `name` (unanchored, as ECMAScript's test()). Unknown
  // when neither engine can decide: a pattern neither compiles, a match that exceeds the work
  // bound, a pattern or name over 64 KiB.
  Match match(const std::string& pattern, const std::string& name);
  // For choosing which schemas apply to a property: unknown counts as a match, so the schema
  // is compared rather than skipped.
  bool matches(const std::string& pattern, const std::string& name) {
    return match(pattern, name) != Match::no;
  }

 private:
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace breakwater::jsonschema
