// GitHub's primaryLocationLineHash, checked against codeql-action's own test vectors.
#include "cli_runner.hpp"
#include "report/reporters.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

TEST_SUITE("line_hash") {
  TEST_CASE("an empty file has one line") {
    const auto h = breakwater::detail::line_hashes("");
    REQUIRE(h.size() == 1);
    CHECK(h[0] == "c129715d7a2bc9a3:1");
  }

  TEST_CASE("codeql-action vectors") {
    const std::string path =
        std::string(BREAKWATER_SHARED_FORMATS) + "/examples/primaryLocationLineHash-vectors.json";
    if (!std::filesystem::exists(path)) {
      MESSAGE("vectors not found at " << path << "; only the built-in case ran");
      return;
    }
    const auto doc = nlohmann::json::parse(breakwater::test::read_file(path));
    int cases = 0;
    for (const auto& c : doc.at("cases")) {
      const std::string input = c.at("input").get<std::string>();
      const auto expected = c.at("hashes").get<std::vector<std::string>>();
      CAPTURE(input);
      CHECK(breakwater::detail::line_hashes(input) == expected);
      ++cases;
    }
    CHECK(cases > 3);
  }
}
