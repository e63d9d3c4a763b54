// Whether a property name or string matches a JSON Schema `pattern`, in time linear in the
// name: RE2 has no backtracking, so a hostile pattern such as ^(a+)+$ cannot stall a run. Kept
// apart so RE2 stays out of every other header.
#pragma once

#include <memory>
#include <string>

namespace breakwater::jsonschema {

// Compiles each pattern once and keeps it for its own lifetime. What cannot be decided counts
// as a match, so the pattern's schema is taken into account rather than silently skipped: a
// pattern RE2 does not support (ECMAScript lookarounds, backreferences), a pattern or name over
// 4096 bytes.
class PatternMatcher {
 public:
  PatternMatcher();
  ~PatternMatcher();
  PatternMatcher(const PatternMatcher&) = delete;
  PatternMatcher& operator=(const PatternMatcher&) = delete;

  // Whether `pattern` matches somewhere in `name` (unanchored, as ECMAScript's test()).
  bool matches(const std::string& pattern, const std::string& name);

 private:
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace breakwater::jsonschema
