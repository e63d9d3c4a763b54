#include <breakwater/diff.hpp>
#include <breakwater/finding.hpp>

#include "core/engine.hpp"
#include "core/hash.hpp"
#include "core/lines.hpp"
#include "core/quote.hpp"
#include "core/suppressions.hpp"
#include "rule_ids/sql.hpp"
#include "core/parallel.hpp"

#include <doctest/doctest.h>

#include <atomic>

using breakwater::Entity;

namespace {
Entity make(std::string_view kind, std::string key) {
  Entity e;
  e.kind = kind;
  e.key = std::move(key);
  e.name = e.key;
  return e;
}
}  // namespace

TEST_SUITE("core") {
  TEST_CASE("Lines: code-point columns on long non-ASCII lines match a plain count") {
    // Lines of mixed ASCII and 2-, 3- and 4-byte characters, one of them spanning many of the
    // index's blocks, and a text that ends on a block boundary.
    std::string text;
    const char* pieces[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\n"};
    unsigned seed = 7;
    for (int i = 0; i < 30000; ++i) {
      seed = seed * 1103515245u + 12345u;
      const unsigned pick = (seed >> 16) % 200;
      text += pieces[pick == 0 ? 4 : pick % 4];
    }
    for (const std::string& t : {text, std::string(8192, 'x') + "\xC3\xA9" + std::string(8190, 'y')}) {
      const breakwater::Lines lines(t);
      uint32_t line = 1, column = 1;
      for (size_t i = 0; i <= t.size(); ++i) {
        if (i == t.size() || (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) {
          const auto at = lines.at(i);
          REQUIRE(at.first == line);
          REQUIRE(at.second == column);
        }
        if (i == t.size()) break;
        if (t[i] == '\n') {
          ++line;
          column = 1;
        } else if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) {
          ++column;
        }
      }
    }
  }

  TEST_CASE("align pairs by key, old order first, then new-only") {
    std::vector<Entity> before = {make("field", "1"), make("field", "2"), make("oneof", "x")};
    std::vector<Entity> after = {make("field", "3"), make("field", "1")};
    const auto pairs = breakwater::align(before, after, "field");
    REQUIRE(pairs.size() == 3);
    CHECK(pairs[0].old_entity->key == "1");
    CHECK(pairs[0].new_entity->key == "1");
    CHECK(pairs[1].old_entity->key == "2");
    CHECK(pairs[1].new_entity == nullptr);
    CHECK(pairs[2].old_entity == nullptr);
    CHECK(pairs[2].new_entity->key == "3");
  }

  TEST_CASE("align: an element whose key repeats is neither added nor removed") {
    // Two identical foreign keys under different names share a key.
    std::vector<Entity> one = {make("fk", "k")};
    std::vector<Entity> two = {make("fk", "k"), make("fk", "k")};
    two[1].name = "second";
    for (const auto& [old_list, new_list] : {std::pair{two, two}, std::pair{one, two},
                                             std::pair{two, one}}) {
      const auto pairs = breakwater::align(old_list, new_list);
      CHECK(pairs.size() == std::max(old_list.size(), new_list.size()));
      for (const auto& p : pairs) CHECK((p.old_entity != nullptr && p.new_entity != nullptr));
    }
    const auto same = breakwater::align(two, two);
    CHECK(same[1].new_entity->name == "second");  // the n-th pairs with the n-th
  }

  TEST_CASE("typed attributes fall back when absent or of another type") {
    Entity e = make("field", "1");
    e.set("number", int64_t{7});
    e.set("name", std::string("email"), breakwater::SourceRef{1, 3, 5});
    CHECK(e.num("number") == 7);
    CHECK(e.str("number", "x") == "x");
    CHECK(e.str("name") == "email");
    CHECK(e.loc_of("name").line == 3);
    CHECK(e.loc_of("missing").line == 0);
    CHECK_FALSE(e.flag("missing"));
    e.set("number", int64_t{8});
    CHECK(e.attrs.size() == 2);
    CHECK(e.num("number") == 8);
  }

  TEST_CASE("sort_and_dedupe orders by location then rule and drops exact repeats") {
    auto f = [](std::string file, uint32_t line, std::string rule) {
      breakwater::Finding x;
      x.location = {std::move(file), line, 1};
      x.rule_id = std::move(rule);
      x.message = "m";
      return x;
    };
    std::vector<breakwater::Finding> v = {f("b.proto", 1, "A"), f("a.proto", 9, "B"),
                                          f("a.proto", 9, "A"), f("a.proto", 10, "A"),
                                          f("a.proto", 9, "A")};
    breakwater::sort_and_dedupe(v);
    REQUIRE(v.size() == 4);
    CHECK(v[0].location.line == 9);
    CHECK(v[0].rule_id == "A");
    CHECK(v[1].rule_id == "B");
    CHECK(v[2].location.line == 10);
    CHECK(v[3].location.file == "b.proto");
  }

  TEST_CASE("stable hash is fixed across builds") {
    CHECK(breakwater::detail::stable_hash_hex("").substr(0, 16) == "cbf29ce484222325");
    CHECK(breakwater::detail::stable_hash_hex("a").size() == 32);
    CHECK(breakwater::detail::stable_hash_hex("a") != breakwater::detail::stable_hash_hex("b"));
  }

  TEST_CASE("parallel_for visits every index once and rethrows") {
    std::vector<std::atomic<int>> hits(1000);
    breakwater::detail::parallel_for(hits.size(), 4, [&](size_t i) { hits[i]++; });
    for (auto& h : hits) CHECK(h.load() == 1);
    CHECK_THROWS(breakwater::detail::parallel_for(10, 3, [](size_t i) {
      if (i == 5) throw std::runtime_error("boom");
    }));
  }

  TEST_CASE("intern gives one stable view per name") {
    std::string dynamic = "property_";
    dynamic += "name";
    const std::string_view a = breakwater::intern(dynamic);
    dynamic = "changed";
    CHECK(a == "property_name");
    CHECK(breakwater::intern("property_name").data() == a.data());
  }

  TEST_CASE("severity names round-trip") {
    breakwater::Severity s;
    CHECK(breakwater::parse_severity("warning", s));
    CHECK(s == breakwater::Severity::warning);
    CHECK(breakwater::to_string(s) == "warning");
    CHECK_FALSE(breakwater::parse_severity("fatal", s));
  }

  TEST_CASE("names in messages are quoted one way: one line, escaped, valid UTF-8") {
    using breakwater::detail::quoted;
    CHECK(quoted("users") == "\"users\"");
    CHECK(quoted("a\"b\nc\\d") == "\"a\\\"b\\nc\\\\d\"");
    CHECK(quoted("x\ry\tz") == "\"x\\ry\\tz\"");
    CHECK(quoted("caf\xc3\xa9") == "\"caf\xc3\xa9\"");  // UTF-8 kept
    CHECK(quoted("bad\xff") == "\"bad\\xff\"");         // not UTF-8: escaped
    CHECK(quoted("std::vector<int>", '`') == "`std::vector<int>`");
    CHECK(quoted("a`b\"c", '`') == "`a\\`b\"c`");
  }

  TEST_CASE("what is gone from NEW is anchored by one policy") {
    breakwater::Schema old_schema, new_schema;
    old_schema.root = "old";
    new_schema.root = "new";
    old_schema.files = {"", "old/a.sql", "old/b.sql"};
    new_schema.files = {"", "new/a.sql"};
    breakwater::detail::Emitter out(old_schema, new_schema);
    // No surviving parent: the NEW file at the same place, as a whole...
    out.emit(breakwater::rules::sql::TABLE_NO_DELETE, "t", "gone", {}, {1, 3, 1});
    // ...else the OLD place; a parent the format found wins.
    out.emit(breakwater::rules::sql::TABLE_NO_DELETE, "u", "gone", {}, {2, 5, 1});
    out.emit(breakwater::rules::sql::TABLE_NO_DELETE, "v", "gone", {1, 7, 2}, {2, 5, 1});
    const auto raw = out.take();
    REQUIRE(raw.size() == 3);
    CHECK(raw[0].finding.location.text() == "new/a.sql");
    CHECK(raw[1].finding.location.text() == "old/b.sql:5:1");
    CHECK(raw[2].finding.location.text() == "new/a.sql:7:2");
    // Single-file inputs are each other's counterpart.
    breakwater::Schema one_old, one_new;
    one_old.root = "v1.sql";
    one_new.root = "v2.sql";
    one_old.files = {"", "v1.sql"};
    one_new.files = {"", "v2.sql"};
    breakwater::detail::Emitter single(one_old, one_new);
    CHECK(single.same_place_in_new({1, 2, 1}).file == 1);
  }
}

TEST_CASE("a suppression names rules, each optionally aimed at one element") {
  using breakwater::detail::InlineSuppression;
  InlineSuppression s;
  breakwater::detail::read_directive(
      "FIELD_NO_DELETE(email),FUNCTION_NO_DELETE(ns::f(int, char const *)),WIRE  moved in 1.8",
      s);
  CHECK(s.rules == std::vector<std::string>{"FIELD_NO_DELETE", "FUNCTION_NO_DELETE", "WIRE"});
  CHECK(s.targets == std::vector<std::string>{"email", "ns::f(int, char const *)", ""});
  CHECK(s.reason == "moved in 1.8");
  // Empty parentheses are a mistake, kept whole so that the name is reported as unknown.
  InlineSuppression empty;
  breakwater::detail::read_directive("FIELD_NO_DELETE() reason", empty);
  CHECK(empty.rules == std::vector<std::string>{"FIELD_NO_DELETE()"});
}

TEST_CASE("an aimed suppression clears its element only; an unaimed one over two is ambiguous") {
  using breakwater::Finding;
  auto finding = [](std::string entity) {
    Finding f;
    f.rule_id = "FIELD_NO_DELETE";
    f.categories = {"FILE"};
    f.entity = std::move(entity);
    f.location = {"a.proto", 6, 1};
    return f;
  };
  auto directive = [](std::string_view text) {
    breakwater::detail::InlineSuppression s;
    s.at = {"a.proto", 5, 1};
    s.covers = 6;
    breakwater::detail::read_directive(text, s);
    return s;
  };
  const auto all = [](const std::string&) { return true; };
  {
    std::vector<Finding> fs{finding("acme.User.email"), finding("acme.User.nickname")};
    std::vector<breakwater::detail::InlineSuppression> ss{directive("FIELD_NO_DELETE(name) x")};
    // `name` is not a whole trailing part of acme.User.nickname.
    const auto about = breakwater::detail::apply_suppressions(ss, fs, all);
    CHECK(!fs[0].suppressed);
    CHECK(!fs[1].suppressed);
    REQUIRE(about.size() == 1);
    CHECK(about[0].rule_id == "SUPPRESSION_UNUSED");
  }
  {
    std::vector<Finding> fs{finding("acme.User.email"), finding("acme.User.nickname")};
    std::vector<breakwater::detail::InlineSuppression> ss{directive("FIELD_NO_DELETE gone"),
                                                          directive("FILE(User.email) moved")};
    // The aimed directive is applied first whatever the order; the rest is one element.
    const auto about = breakwater::detail::apply_suppressions(ss, fs, all);
    CHECK(about.empty());
    CHECK(fs[0].suppressed->reason == "moved");
    CHECK(fs[1].suppressed->reason == "gone");
  }
  {
    std::vector<Finding> fs{finding("acme.User.email"), finding("acme.User.nickname")};
    std::vector<breakwater::detail::InlineSuppression> ss{directive("FIELD_NO_DELETE gone")};
    const auto about = breakwater::detail::apply_suppressions(ss, fs, all);
    CHECK(!fs[0].suppressed);
    CHECK(!fs[1].suppressed);
    REQUIRE(about.size() == 1);
    CHECK(about[0].rule_id == "SUPPRESSION_AMBIGUOUS");
    CHECK(about[0].message.find("FIELD_NO_DELETE(email)") != std::string::npos);
  }
}
