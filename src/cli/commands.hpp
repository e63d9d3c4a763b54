// The subcommands, free of argument parsing so main.cpp stays the only CLI11 user.
#pragma once

#include <breakwater/check.hpp>
#include <breakwater/report.hpp>

#include <string>

namespace breakwater::cli {

struct CheckArgs {
  std::string old_path, new_path;
  CheckOptions options;
  std::string format = "text";
  std::string output;  // "" = stdout
  std::string fail_on = "error";
  std::string color = "auto";  // auto | always | never
};

int run_check(const CheckArgs& args);
int run_rules(const std::string& lang, const std::string& format);
int run_explain(const std::string& rule_id);
int run_dump(const std::string& path, const LoadOptions& options);

}  // namespace breakwater::cli
