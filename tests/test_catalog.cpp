// Catalog, checks and testdata must list the same rules: one rule = one entry + one check + one
// golden case.
#include <breakwater/rules.hpp>

#include "cli_runner.hpp"
#include "core/engine.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>

namespace fs = std::filesystem;

TEST_SUITE("catalog") {
  TEST_CASE("protobuf catalog has buf's 64 rules in buf's four categories") {
    std::set<std::string> ids;
    const std::set<std::string> categories = {"FILE", "PACKAGE", "WIRE_JSON", "WIRE"};
    for (const auto& r : breakwater::catalog()) {
      if (r.format != "protobuf") continue;
      ids.insert(r.id);
      CAPTURE(r.id);
      CHECK(!r.summary.empty());
      CHECK(r.summary.size() <= 120);
      CHECK(!r.why.empty());
      CHECK(!r.fix.empty());
      CHECK(!r.example.empty());
      for (const auto& c : r.categories) CHECK(categories.contains(c));
    }
    CHECK(ids.size() == 64);
    CHECK(breakwater::categories_of("protobuf") ==
          std::vector<std::string>{"FILE", "PACKAGE", "WIRE_JSON", "WIRE"});
  }

  TEST_CASE("catalog, checks and testdata agree") {
    for (const auto* format : breakwater::detail::formats()) {
      const std::string name(format->name);
      CAPTURE(name);
      std::set<std::string> catalog_ids, check_ids, testdata_ids, unavailable_ids, marked_ids;
      for (const auto& r : breakwater::catalog()) {
        if (r.format != name) continue;
        catalog_ids.insert(r.id);
        if (!r.available) unavailable_ids.insert(r.id);
        CHECK_MESSAGE(!r.why.empty(), r.id);
        CHECK_MESSAGE(!r.fix.empty(), r.id);
        CHECK_MESSAGE(!r.example.empty(), r.id);
      }
      for (std::string_view id : format->implemented_rules()) check_ids.insert(std::string(id));
      const fs::path root = fs::path(breakwater::test::source_dir()) / "testdata" / name;
      for (const auto& e : fs::directory_iterator(root)) {
        const std::string id = e.path().filename().string();
        if (!e.is_directory() || id == "compatible") continue;
        if (fs::exists(e.path() / "UNAVAILABLE")) {
          marked_ids.insert(id);
          continue;
        }
        CHECK_MESSAGE(fs::exists(e.path() / "old"), id);
        CHECK_MESSAGE(fs::exists(e.path() / "new"), id);
        testdata_ids.insert(id);
      }
      CHECK(!catalog_ids.empty());
      CHECK(catalog_ids == check_ids);
      // Only rules the catalog marks unavailable may go without a case.
      CHECK(marked_ids == unavailable_ids);
      std::set<std::string> expected_cases;
      for (const auto& id : catalog_ids) {
        if (!unavailable_ids.contains(id)) expected_cases.insert(id);
      }
      CHECK(testdata_ids == expected_cases);
    }
  }

  TEST_CASE("rule ids are unique across formats") {
    std::set<std::string> ids;
    for (const auto& r : breakwater::catalog()) CHECK_MESSAGE(ids.insert(r.id).second, r.id);
  }

  TEST_CASE("rule selection expands categories as separate lists") {
    const auto& proto = *breakwater::detail::find_format("protobuf");
    const auto file = breakwater::detail::select_rules(proto, {"FILE"}, {});
    const auto wire = breakwater::detail::select_rules(proto, {"WIRE"}, {});
    CHECK(file.on("FIELD_NO_DELETE"));
    CHECK_FALSE(file.on("FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED"));
    CHECK_FALSE(file.on("PACKAGE_NO_DELETE"));
    CHECK(wire.on("FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED"));
    CHECK_FALSE(wire.on("FIELD_NO_DELETE"));
    const auto defaults = breakwater::detail::select_rules(proto, {}, {});
    CHECK(defaults.ids() == file.ids());
    const auto except =
        breakwater::detail::select_rules(proto, {"FILE"}, {"FIELD_NO_DELETE", "WIRE"});
    CHECK_FALSE(except.on("FIELD_NO_DELETE"));
    CHECK_FALSE(except.on("FILE_SAME_PACKAGE"));  // in WIRE too, so removed
    CHECK(except.on("FILE_SAME_GO_PACKAGE"));
    CHECK_THROWS_AS(breakwater::detail::select_rules(proto, {"FILES"}, {}), breakwater::InputError);
    CHECK_THROWS_AS(breakwater::detail::select_rules(proto, {"FILE"}, {"NOPE"}),
                    breakwater::InputError);
  }
}
