// Inline suppressions: `breakwater:ignore NAME[,NAME] reason` written in a comment on the NEW
// side, where a NAME is a rule id or category, optionally aimed at one element:
// `FIELD_NO_DELETE(email)`, or at all of them: `FIELD_NO_DELETE(*)`. Core finds and applies
// them; a format only says which comment markers it has (or finds its own, like JSON Schema).
#pragma once

#include <breakwater/finding.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace breakwater::detail {

struct InlineSuppression {
  Location at;          // the comment itself
  uint32_t covers = 0;  // the line whose findings it suppresses
  // When set, the exact line:column anchors it covers instead of `covers` (JSON Schema: the
  // members of the object that holds the directive, wherever the key sits in it).
  std::vector<std::pair<uint32_t, uint32_t>> covers_places;
  std::vector<std::string> rules;    // rule ids or categories, as written
  std::vector<std::string> targets;  // per rule: the element named in (...), "*", or ""
  std::string reason;
  bool used = false;
};

// "NAME[,NAME] reason" (the text after `breakwater:ignore`) into `s.rules`, `s.targets` and
// `s.reason`. A NAME's element may hold spaces and commas inside its parentheses.
void read_directive(std::string_view body, InlineSuppression& s);

// Scans `text` (one file, shown to users as `path`) for suppression comments introduced by one of
// `markers` ("//", "--", "#"). A comment after code covers its own line; a comment alone on its
// line covers the next line that is neither blank nor a comment.
std::vector<InlineSuppression> scan_suppressions(std::string_view text, const std::string& path,
                                                 const std::vector<std::string_view>& markers);

// Marks the findings each valid suppression covers (source "inline") and returns the findings
// about the suppressions themselves: missing reason, unknown rule, unused, and ambiguous (a name
// without an element that covers findings about more than one element clears none of them). They are raw: the
// caller finishes them from the catalog.
// `active(name)` says whether a rule id or category had a rule in this run; suppressions that
// name only inactive rules are not reported as unused.
std::vector<Finding> apply_suppressions(std::vector<InlineSuppression>& suppressions,
                                        std::vector<Finding>& findings,
                                        const std::function<bool(const std::string&)>& active);

}  // namespace breakwater::detail
