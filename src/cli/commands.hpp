// The subcommands, free of argument parsing so main.cpp stays the only CLI11 user.
#pragma once

#include <breakwater/check.hpp>
#include <breakwater/report.hpp>

#include <string>
#include <vector>

namespace breakwater::cli {

// One requested report: a format and where it goes ("" = stdout).
struct ReportTarget {
  std::string format;
  std::string output;
};

struct CheckArgs {
  std::vector<std::string> inputs;  // [OLD] NEW, NEW, or nothing (whole repository)
  RunOptions run;
  std::vector<ReportTarget> reports;  // empty = text on stdout
  std::string fail_on;                // "" = the config's, else error
  std::string color = "auto";         // auto | always | never
};

int run_check(CheckArgs args);
int run_baseline_write(CheckArgs args, const std::string& file);
int run_init(const std::string& path, bool force);
int run_rules(const std::string& lang, const std::string& format, bool list_formats = false);
int run_explain(const std::string& rule_id);
int run_dump(const std::string& path, const LoadOptions& options);

}  // namespace breakwater::cli
