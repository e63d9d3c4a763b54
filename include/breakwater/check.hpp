// The library entry point: load OLD and NEW, run the selected rules, return sorted findings.
#pragma once

#include <breakwater/finding.hpp>
#include <breakwater/model.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace breakwater {

// Bad input or usage: reported as `path:line:col: error: message`, exit status 2.
class InputError : public std::runtime_error {
 public:
  InputError(Location where, const std::string& message);
  const Location& where() const { return where_; }
  std::string one_line() const;  // path:line:col: error: message
 private:
  Location where_;
};

struct LoadOptions {
  std::string lang;                        // "" = detect; "proto"/"protobuf"
  std::vector<std::string> include_paths;  // extra import roots (-I)
  unsigned jobs = 0;                       // 0 = hardware concurrency
};

struct CheckOptions {
  LoadOptions load;
  std::vector<std::string> use;     // rule ids and/or categories; empty = the format's default
  std::vector<std::string> except;  // rule ids and/or categories removed from `use`
};

struct CheckResult {
  std::string format;
  std::vector<std::string> rules_run;  // ids, sorted
  std::vector<Finding> findings;       // sorted, de-duplicated
};

Schema load_schema(const std::string& path, const LoadOptions& options);
CheckResult check(const std::string& old_path, const std::string& new_path,
                  const CheckOptions& options);

}  // namespace breakwater
