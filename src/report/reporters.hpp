// The individual projections behind render(); one file each.
#pragma once

#include <breakwater/report.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace breakwater::detail {

std::string render_text(const CheckResult& result, const ReportOptions& options);
std::string render_json(const CheckResult& result, const ReportOptions& options);
std::string render_sarif(const CheckResult& result, const ReportOptions& options);

// GitHub's primaryLocationLineHash for every line of `text` (UTF-8): element i is line i+1.
std::vector<std::string> line_hashes(std::string_view text);

// Counts per severity, in the order error, warning, info.
struct Tally {
  int error = 0, warning = 0, info = 0, files = 0;
};
Tally tally(const CheckResult& result);

}  // namespace breakwater::detail
