// Inside GitHub Actions, `--format github` also leaves a Markdown job summary and step outputs
// (errors=/warnings=/infos=) for later steps. Both are extras: failing to write them must not
// change the run's result, so a failure costs one warning line on stderr and nothing else.
#include "report/reporters.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace breakwater {
namespace {

// GitHub rejects a step summary above 1 MiB.
constexpr size_t kStepSummaryLimit = 1024 * 1024;

void append(const char* variable, const std::string& text) {
  const char* path = std::getenv(variable);
  if (path == nullptr || *path == '\0') return;
  std::ofstream out(path, std::ios::binary | std::ios::app);
  if (out) out << text;
  if (!out)
    std::fprintf(stderr, "breakwater: warning: cannot append to $%s (%s)\n", variable, path);
}

// Earlier commands of the same step may have written to the summary already: what is left of
// the 1 MiB is ours.
size_t summary_room() {
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  std::error_code ec;
  const auto used = path != nullptr ? std::filesystem::file_size(path, ec) : 0;
  if (ec || used >= kStepSummaryLimit) return ec ? kStepSummaryLimit : 0;
  return kStepSummaryLimit - static_cast<size_t>(used);
}

}  // namespace

void write_github_side_outputs(const CheckResult& result, const ReportOptions& options) {
  append("GITHUB_STEP_SUMMARY", detail::render_markdown(result, options, summary_room()));
  const detail::Tally t = detail::tally(result);
  append("GITHUB_OUTPUT", "errors=" + std::to_string(t.error) +
                              "\nwarnings=" + std::to_string(t.warning) +
                              "\ninfos=" + std::to_string(t.info) + "\n");
}

}  // namespace breakwater
