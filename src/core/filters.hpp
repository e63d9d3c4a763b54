// The config's filters on one module's findings: severity overrides and path ignores.
#pragma once

#include <breakwater/finding.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace breakwater::detail {

// The override for a finding: its rule id first, then its categories in catalog order.
const std::string* override_for(const std::map<std::string, std::string>& overrides,
                                const Finding& f);

// Applies `severity:` overrides; "off" drops the finding.
void apply_severities(const std::map<std::string, std::string>& overrides,
                      std::vector<Finding>& findings);

struct PathIgnores {
  std::vector<std::string> ignore;                              // paths, relative to `base`
  std::map<std::string, std::vector<std::string>> ignore_only;  // rule or category -> paths
  std::filesystem::path base;                                   // absolute
  std::string origin;  // where they are configured, for the suppression reason
};

// Marks findings whose NEW or OLD file lies in an ignored path (source "config"). `on_disk`
// turns a finding's path into an absolute one.
void apply_ignores(const PathIgnores& ignores,
                   const std::function<std::filesystem::path(const std::string&)>& on_disk,
                   std::vector<Finding>& findings);

}  // namespace breakwater::detail
