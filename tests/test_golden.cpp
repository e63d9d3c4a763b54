// The golden runner: every testdata/protobuf/<RULE_ID>/ case (old/, new/, expected.txt, an
// optional `args` file) and every compatible case. UPDATE_GOLDEN=1 rewrites expected.txt.
#include <breakwater/rules.hpp>

#include "cli_runner.hpp"
#include "core/engine.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;
using breakwater::test::read_file;
using breakwater::test::run_cli;

namespace {

std::vector<fs::path> case_dirs(const fs::path& root) {
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory()) dirs.push_back(e.path());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

std::vector<std::string> case_args(const fs::path& dir, const std::string& default_use) {
  std::vector<std::string> args;
  if (fs::exists(dir / "args")) {
    std::istringstream in(read_file((dir / "args").string()));
    std::string word;
    while (in >> word) args.push_back(word);
  }
  if (args.empty()) args = {"--use", default_use};
  return args;
}

bool updating() {
  const char* v = std::getenv("UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

std::vector<std::string> with(std::vector<std::string> base, const std::vector<std::string>& more) {
  base.insert(base.end(), more.begin(), more.end());
  return base;
}

// A version compared with itself must report nothing, whatever the rules.
void check_self_compare(const fs::path& dir, const std::vector<std::string>& args) {
  for (const char* side : {"old", "new"}) {
    const auto run = run_cli(dir.string(), with({"check", side, side}, args));
    CHECK_MESSAGE(run.status == 0, dir.filename().string() << ": " << side << " vs " << side << "\n"
                                                           << run.out << run.err);
  }
}

}  // namespace

TEST_SUITE("golden") {
  TEST_CASE("each rule case of each format reports its rule and matches expected.txt") {
    int cases = 0;
    for (const auto* format : breakwater::detail::formats()) {
      const fs::path root =
          fs::path(breakwater::test::source_dir()) / "testdata" / std::string(format->name);
      for (const fs::path& dir : case_dirs(root)) {
        const std::string id = dir.filename().string();
        if (id == "compatible" || fs::exists(dir / "UNAVAILABLE")) continue;
        const breakwater::RuleInfo* rule = breakwater::find_rule(id);
        REQUIRE_MESSAGE(rule != nullptr, "testdata for unknown rule " << id);
        const auto args = case_args(dir, rule->categories.front());
        const auto run =
            run_cli(dir.string(), with({"check", "old", "new", "--color", "never"}, args));
        CAPTURE(id);
        CHECK_MESSAGE(run.status == 1, id << ": exit " << run.status << "\n" << run.err);
        CHECK_MESSAGE(run.err.empty(), id << ": " << run.err);
        CHECK_MESSAGE(run.out.find("[" + id + "]") != std::string::npos, id << " did not fire:\n"
                                                                            << run.out);
        const fs::path expected = dir / "expected.txt";
        if (updating()) {
          breakwater::test::write_file(expected.string(), run.out);
        } else {
          CHECK_MESSAGE(fs::exists(expected), id << ": no expected.txt (run with UPDATE_GOLDEN=1)");
          CHECK_MESSAGE(read_file(expected.string()) == run.out,
                        id << ": output differs from expected.txt:\n"
                           << run.out);
        }
        check_self_compare(dir, args);
        ++cases;
      }
    }
    CHECK(cases > 0);
  }

  TEST_CASE("compatible edits report nothing") {
    int cases = 0;
    for (const auto* format : breakwater::detail::formats()) {
      const fs::path root = fs::path(breakwater::test::source_dir()) / "testdata" /
                            std::string(format->name) / "compatible";
      std::string use;
      for (std::string_view u : format->default_use)
        use += (use.empty() ? "" : ",") + std::string(u);
      for (const fs::path& dir : case_dirs(root)) {
        const auto args = case_args(dir, use);
        const auto run =
            run_cli(dir.string(), with({"check", "old", "new", "--color", "never"}, args));
        CHECK_MESSAGE(run.status == 0, dir.filename().string() << ":\n" << run.out << run.err);
        CHECK(run.err.empty());
        // A `both-ways` marker: NEW -> OLD must report nothing either (equivalent spellings).
        if (fs::exists(dir / "both-ways")) {
          const auto back =
              run_cli(dir.string(), with({"check", "new", "old", "--color", "never"}, args));
          CHECK_MESSAGE(back.status == 0,
                        dir.filename().string() << " (new -> old):\n" << back.out << back.err);
          CHECK(back.err.empty());
        }
        check_self_compare(dir, args);
        ++cases;
      }
    }
    CHECK(cases >= 10);
  }

  // The verdict of an API rule, checked by a compiler: a client that compiles against OLD
  // headers must fail against NEW.
  TEST_CASE("C++ API cases: client.cpp compiles against OLD, not against NEW") {
    const fs::path root = fs::path(breakwater::test::source_dir()) / "testdata" / "cpp";
    const char* cxx = std::getenv("CXX");
    const std::string compiler = cxx != nullptr && *cxx != '\0' ? cxx : "c++";
    int cases = 0;
    for (const fs::path& dir : case_dirs(root)) {
      if (!fs::exists(dir / "client.cpp")) continue;
      const auto compiles = [&](const char* side) {
        const std::string cmd = compiler + " -std=c++17 -fsyntax-only -I '" +
                                (dir / side).string() + "' '" + (dir / "client.cpp").string() +
                                "' >/dev/null 2>&1";
        return std::system(cmd.c_str()) == 0;
      };
      CAPTURE(dir.filename().string());
      CHECK(compiles("old"));
      CHECK_FALSE(compiles("new"));
      ++cases;
    }
    CHECK(cases >= 10);
  }
}
