// A finding: one breaking change, located and explained. Produced by checks, enriched from the
// catalog by the engine, projected by reporters.
#pragma once

#include <breakwater/model.hpp>

#include <optional>
#include <string>
#include <vector>

namespace breakwater {

enum class Severity { info = 0, warning = 1, error = 2 };
std::string_view to_string(Severity s);
bool parse_severity(std::string_view text, Severity& out);

// Why a finding does not count: an inline `breakwater:ignore` comment, the config's `ignore` /
// `ignore_only`, or a baseline entry. Suppressed findings are kept so that SARIF and JSON can show
// them and summaries can count them; they never affect the exit status.
struct Suppression {
  std::string reason;
  std::string source;  // inline | config | baseline
};

struct Finding {
  std::string rule_id;
  Severity severity = Severity::error;
  std::vector<std::string> categories;
  std::string format;
  std::string entity;       // fully qualified element, e.g. acme.v1.User.email
  std::string message;      // one sentence: what changed, old -> new
  Location location;        // NEW side, or the nearest surviving parent in NEW for deletions
  Location old_location;    // OLD side, when the element existed there
  std::string fix;          // the safe alternative, specific to this finding when possible
  std::string fingerprint;  // line-independent identity: rule, format, entity, message
  std::optional<Suppression> suppressed;
};

// Sorts by file, line, column, rule, message and removes duplicates (the same rule and message
// at the same NEW location, from whichever OLD location). The single place
// where output order is decided, so every reporter and thread count agrees.
void sort_and_dedupe(std::vector<Finding>& findings);

// Makes fingerprints unique within one report: a repeated fingerprint gets `:2`, `:3`... in sort
// order. Call after sort_and_dedupe on the final list.
void number_fingerprints(std::vector<Finding>& findings);

}  // namespace breakwater
