// Scenario goldens: a directory with `args` (one argument per line, run with the directory as
// the working directory), any inputs it names, and `expected.txt` holding stdout, stderr and the
// exit status. testdata/breakwater/<RULE_ID>/ holds one per rule of breakwater's own checks
// (suppressions, baselines); testdata/scenarios/ holds config and suppression behaviour.
// UPDATE_GOLDEN=1 rewrites expected.txt.
#include <breakwater/rules.hpp>

#include "cli_runner.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;
using breakwater::test::read_file;
using breakwater::test::run_cli;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::string transcript(const breakwater::test::Run& run) {
  return run.out + "--- stderr\n" + run.err + "--- exit " + std::to_string(run.status) + "\n";
}

// Runs every scenario below `root`; returns how many ran.
int run_scenarios(const fs::path& root, bool rule_cases) {
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory()) dirs.push_back(e.path());
  }
  std::sort(dirs.begin(), dirs.end());
  const char* update = std::getenv("UPDATE_GOLDEN");
  for (const fs::path& dir : dirs) {
    const std::string name = dir.filename().string();
    CAPTURE(name);
    REQUIRE_MESSAGE(fs::exists(dir / "args"), name << ": no args file");
    const auto run = run_cli(dir.string(), lines_of(read_file((dir / "args").string())));
    if (rule_cases) {
      CHECK_MESSAGE(run.out.find("[" + name + "]") != std::string::npos, name << " did not fire:\n"
                                                                              << transcript(run));
    }
    const fs::path expected = dir / "expected.txt";
    if (update != nullptr && std::string(update) == "1") {
      breakwater::test::write_file(expected.string(), transcript(run));
    } else {
      CHECK_MESSAGE(read_file(expected.string()) == transcript(run),
                    name << ": differs from expected.txt:\n"
                         << transcript(run));
    }
  }
  return static_cast<int>(dirs.size());
}

}  // namespace

TEST_SUITE("scenarios") {
  TEST_CASE("each rule of breakwater's own checks has a firing case") {
    const fs::path root = fs::path(breakwater::test::source_dir()) / "testdata" / "breakwater";
    CHECK(run_scenarios(root, true) >= 4);
    for (const auto& r : breakwater::catalog()) {
      if (r.format == "breakwater") CHECK_MESSAGE(fs::is_directory(root / r.id), r.id);
    }
  }

  TEST_CASE("config, suppression and baseline behaviour") {
    const fs::path root = fs::path(breakwater::test::source_dir()) / "testdata" / "scenarios";
    CHECK(run_scenarios(root, false) >= 8);
  }
}
