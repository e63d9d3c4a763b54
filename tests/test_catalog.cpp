// Catalog, checks and testdata must list the same rules: one rule = one entry + one check + one
// golden case.
#include <breakwater/rules.hpp>

#include "cli_runner.hpp"
#include "core/engine.hpp"
#include "rule_ids/breakwater.hpp"
#include "rule_ids/cpp.hpp"
#include "rule_ids/jsonschema.hpp"
#include "rule_ids/protobuf.hpp"
#include "rule_ids/sql.hpp"

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
      std::set<std::string> catalog_ids, testdata_ids, unavailable_ids, marked_ids;
      for (const auto& r : breakwater::catalog()) {
        if (r.format != name) continue;
        catalog_ids.insert(r.id);
        if (!r.available) unavailable_ids.insert(r.id);
        CHECK_MESSAGE(!r.why.empty(), r.id);
        CHECK_MESSAGE(!r.fix.empty(), r.id);
        CHECK_MESSAGE(!r.example.empty(), r.id);
        // scripts/new-rule.sh writes these markers; an entry still holding one is unfinished.
        for (const std::string* text : {&r.summary, &r.why, &r.fix, &r.example}) {
          CHECK_MESSAGE(text->find("TODO(new-rule)") == std::string::npos, r.id);
        }
      }
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
      // Only rules the catalog marks unavailable may go without a case.
      CHECK(marked_ids == unavailable_ids);
      std::set<std::string> expected_cases;
      for (const auto& id : catalog_ids) {
        if (!unavailable_ids.contains(id)) expected_cases.insert(id);
      }
      CHECK(testdata_ids == expected_cases);
    }
  }

  // The generated constants and the embedded catalog come from the same files; their ordinals
  // must agree, since selections and catalog lookups index by them.
  TEST_CASE("generated rule ids match the catalog, ordinal by ordinal") {
    auto same = [](std::string_view format, const auto& all) {
      CAPTURE(format);
      const auto& entries = breakwater::detail::rules_of(format);
      REQUIRE(entries.size() == std::size(all));
      for (const breakwater::RuleId& r : all) {
        CHECK(r.format() == format);
        CHECK(entries.at(r.ordinal())->id == r.id());
        CHECK(&breakwater::detail::rule_info(r) == entries.at(r.ordinal()));
      }
    };
    same("protobuf", breakwater::rules::protobuf::kAll);
    same("sql", breakwater::rules::sql::kAll);
    same("jsonschema", breakwater::rules::jsonschema::kAll);
    same("cpp", breakwater::rules::cpp::kAll);
    same("breakwater", breakwater::rules::breakwater::kAll);
    for (const auto* format : breakwater::detail::formats()) {
      CHECK_MESSAGE(!breakwater::detail::rules_of(format->name).empty(), format->name);
    }
  }

  TEST_CASE("a selection is a lookup on typed ids, never across formats") {
    const auto& sql = *breakwater::detail::find_format("sql");
    const auto all = breakwater::detail::select_rules(sql, {}, {});
    CHECK(all.on(breakwater::rules::sql::COLUMN_NO_DELETE));
    CHECK_FALSE(all.on(breakwater::rules::protobuf::FIELD_NO_DELETE));
    const auto less = breakwater::detail::select_rules(sql, {}, {"COLUMN_NO_DELETE"});
    CHECK_FALSE(less.on(breakwater::rules::sql::COLUMN_NO_DELETE));
    CHECK(less.on(breakwater::rules::sql::TABLE_NO_DELETE));
  }

  TEST_CASE("policies come from the catalog") {
    CHECK(breakwater::policies_of("jsonschema") == std::vector<std::string>{"lenient"});
    CHECK(breakwater::policies_of("sql").empty());
    CHECK(breakwater::find_rule("PROPERTY_NO_ADD_OPEN")->quiet_under ==
          std::vector<std::string>{"lenient"});
  }

  // rules/<format>/ holds catalog entries only: every file there is a rule to the build.
  TEST_CASE("rules/<format>/ holds only catalog entries") {
    const fs::path root = fs::path(breakwater::test::source_dir()) / "rules";
    for (const auto& format : fs::directory_iterator(root)) {
      if (!format.is_directory()) continue;
      for (const auto& e : fs::directory_iterator(format.path())) {
        CHECK_MESSAGE(e.path().extension() == ".yaml", e.path().string());
      }
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
    CHECK(file.on(breakwater::rules::protobuf::FIELD_NO_DELETE));
    CHECK_FALSE(file.on(breakwater::rules::protobuf::FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED));
    CHECK_FALSE(file.on(breakwater::rules::protobuf::PACKAGE_NO_DELETE));
    CHECK(wire.on(breakwater::rules::protobuf::FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED));
    CHECK_FALSE(wire.on(breakwater::rules::protobuf::FIELD_NO_DELETE));
    const auto defaults = breakwater::detail::select_rules(proto, {}, {});
    CHECK(defaults.ids() == file.ids());
    const auto except =
        breakwater::detail::select_rules(proto, {"FILE"}, {"FIELD_NO_DELETE", "WIRE"});
    CHECK_FALSE(except.on(breakwater::rules::protobuf::FIELD_NO_DELETE));
    CHECK_FALSE(except.on(breakwater::rules::protobuf::FILE_SAME_PACKAGE));  // in WIRE too, so removed
    CHECK(except.on(breakwater::rules::protobuf::FILE_SAME_GO_PACKAGE));
    CHECK_THROWS_AS(breakwater::detail::select_rules(proto, {"FILES"}, {}), breakwater::InputError);
    CHECK_THROWS_AS(breakwater::detail::select_rules(proto, {"FILE"}, {"NOPE"}),
                    breakwater::InputError);
  }
}
