// The rule catalog: one entry per rule, loaded from rules/ (embedded at build time).
#pragma once

#include <breakwater/finding.hpp>

#include <string>
#include <vector>

namespace breakwater {

struct RuleInfo {
  std::string id;
  std::string format;
  std::vector<std::string> categories;
  Severity severity = Severity::error;
  std::string summary;
  std::string why;
  std::string fix;
  std::string example;
  bool available = true;
  std::string unavailable_reason;
  // Policies (--policy) under which the rule reports nothing: `lenient` assumes readers
  // ignore unknown properties, so the rules about unknown properties go quiet.
  std::vector<std::string> quiet_under;
};

// Every rule of every format, sorted by format then id. Throws std::runtime_error if the
// embedded catalog is malformed (a build defect, caught by tests).
const std::vector<RuleInfo>& catalog();
const RuleInfo* find_rule(std::string_view id);
// Where a rule's documentation lives (absolute URL; the base is a build setting).
std::string help_uri(const RuleInfo& rule);
// Category names of a format, in the order the catalog introduces them (FILE, PACKAGE, ...).
std::vector<std::string> categories_of(std::string_view format);
// The policies a format's rules name under `quiet_under`, sorted ("strict", which quiets
// nothing, is always allowed and not listed).
std::vector<std::string> policies_of(std::string_view format);

}  // namespace breakwater
