// JSON Schema comparison cases that goldens would bury: each pair states which rules must fire
// (backward) and which pairs must stay silent. Many come from a review that checked verdicts
// against a validator (a document valid under OLD and rejected by NEW).
#include <breakwater/check.hpp>

#include "cli_runner.hpp"
#include "formats/jsonschema/pattern_match.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace {

std::set<std::string> rules_for(const std::string& old_json, const std::string& new_json,
                                const std::string& compat = "") {
  char tmpl[] = "/tmp/bw-js-sem-XXXXXX";
  const fs::path dir = mkdtemp(tmpl);
  fs::create_directories(dir / "old");
  fs::create_directories(dir / "new");
  breakwater::test::write_file((dir / "old" / "s.json").string(), old_json);
  breakwater::test::write_file((dir / "new" / "s.json").string(), new_json);
  breakwater::CheckOptions options;
  options.load.lang = "jsonschema";
  options.compat = compat;
  std::set<std::string> out;
  for (const auto& f :
       breakwater::check((dir / "old").string(), (dir / "new").string(), options).findings) {
    out.insert(f.rule_id);
  }
  fs::remove_all(dir);
  return out;
}

bool breaks(const std::string& old_json, const std::string& new_json) {
  return !rules_for(old_json, new_json).empty();
}

}  // namespace

TEST_SUITE("jsonschema_semantics") {
  TEST_CASE("combinators beside a $ref count (2020-12)") {
    CHECK(rules_for(R"({"type":"string"})",
                    R"({"$defs":{"s":{"type":"string"}},"$ref":"#/$defs/s","not":{"const":"x"}})")
              .contains("NOT_NO_WIDEN"));
    CHECK(breaks(
        R"({"type":"string"})",
        R"({"$defs":{"s":{"type":"string"}},"$ref":"#/$defs/s","allOf":[{"maxLength":3}]})"));
  }

  TEST_CASE("draft-07 ignores the siblings of a $ref") {
    const std::string d7 = R"("$schema":"http://json-schema.org/draft-07/schema#")";
    CHECK(breaks(
        "{" + d7 +
            R"(,"definitions":{"s":{"type":"string","maxLength":10}},"$ref":"#/definitions/s","maxLength":3})",
        "{" + d7 + R"(,"type":"string","maxLength":5})"));
    CHECK_FALSE(breaks(
        "{" + d7 + R"(,"definitions":{"s":{"type":"string"}},"$ref":"#/definitions/s"})",
        "{" + d7 +
            R"(,"definitions":{"s":{"type":"string"}},"$ref":"#/definitions/s","maxLength":3})"));
  }

  TEST_CASE("keywords of later drafts constrain nothing in earlier ones") {
    const std::string d4 = R"("$schema":"http://json-schema.org/draft-04/schema#")";
    const std::string d7 = R"("$schema":"http://json-schema.org/draft-07/schema#")";
    // draft-04 has no const: OLD accepts 2, NEW (draft-07 const 1) rejects it.
    CHECK(breaks("{" + d4 + R"(,"const":1})", "{" + d7 + R"(,"const":1})"));
    CHECK_FALSE(breaks("{" + d7 + R"(,"type":"array","prefixItems":[{"type":"string"}]})",
                       "{" + d7 + R"(,"type":"array"})"));
  }

  TEST_CASE("listed OLD values meet NEW's bounds, lengths and patterns") {
    CHECK(rules_for(R"({"enum":["abcdef"]})", R"({"type":"string","maxLength":3})")
              .contains("MAX_LENGTH_NO_DECREASE"));
    CHECK(rules_for(R"({"const":5})", R"({"maximum":3})").contains("MAXIMUM_NO_DECREASE"));
    CHECK(rules_for(R"({"enum":["ab","x1"]})", R"({"type":"string","pattern":"^[a-z]+$"})")
              .contains("PATTERN_NO_ADD"));
    CHECK_FALSE(breaks(R"({"enum":["ab","cd"]})", R"({"type":"string","maxLength":2})"));
    CHECK_FALSE(breaks(R"({"enum":[1,2]})", R"({"type":"integer","minimum":1,"maximum":2})"));
  }

  TEST_CASE("patternProperties added or removed") {
    CHECK(breaks(R"({"type":"object"})",
                 R"({"type":"object","patternProperties":{"^x":{"type":"string"}}})"));
    CHECK(breaks(
        R"({"type":"object","properties":{"a":{"type":"string"}}})",
        R"({"type":"object","properties":{"a":{"type":"string"}},"patternProperties":{"^a":{"maxLength":2}}})"));
    CHECK(breaks(R"({"type":"object","patternProperties":{"^x":{}},"additionalProperties":false})",
                 R"({"type":"object","additionalProperties":false})"));
    CHECK_FALSE(breaks(
        R"({"type":"object","additionalProperties":{"type":"string"}})",
        R"({"type":"object","additionalProperties":{"type":"string"},"patternProperties":{"^x":{"type":"string"}}})"));
  }

  TEST_CASE("hostile patterns neither hang nor crash") {
    const std::string long_name(20000, 'a');
    // A backtracking matcher takes exponential time on ^(a+)+$ and recurses per character.
    (void)rules_for(
        R"({"type":"object","patternProperties":{"^(a+)+$":{"type":"string"}},"additionalProperties":false})",
        R"({"type":"object","patternProperties":{"^(a+)+$":{"type":"string"}},"additionalProperties":false,"properties":{")" +
            long_name + R"(":{"type":"string"},"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!":{}}})");
    CHECK(true);
  }

  TEST_CASE("patterns: RE2 without backtracking, PCRE2 for ECMAScript, unknown when undecided") {
    using breakwater::jsonschema::Match;
    breakwater::jsonschema::PatternMatcher patterns;
    // A backtracking matcher would try every way of splitting the a's before giving up at the b;
    // RE2 answers in linear time.
    const std::string hostile = std::string(4000, 'a') + "b";
    CHECK_FALSE(patterns.matches("^(a+)+$", hostile));
    CHECK(patterns.matches("^(a+)+$", std::string(4000, 'a')));
    CHECK_FALSE(patterns.matches("^(a+)+$", hostile));  // the compiled pattern, again
    // Unanchored, as ECMAScript's test().
    CHECK(patterns.matches("b", "abc"));
    CHECK_FALSE(patterns.matches("^b", "abc"));
    // Lookarounds and backreferences, which RE2 does not read, are decided by PCRE2.
    CHECK(patterns.match("^(?!x)", "xyz") == Match::no);
    CHECK(patterns.match("^(?!x)", "ayz") == Match::yes);
    CHECK(patterns.match("^a(?=b)", "ac") == Match::no);
    CHECK(patterns.match("(?<=a)b", "ab") == Match::yes);
    CHECK(patterns.match("(a)\\1", "ab") == Match::no);
    CHECK(patterns.match("(a)\\1", "aa") == Match::yes);
    // ECMAScript's \uXXXX escape and Unicode classes.
    CHECK(patterns.match("^\\u00e9$", "\xc3\xa9") == Match::yes);
    CHECK(patterns.match("^\\p{Lu}", "\xc3\x89mile") == Match::yes);
    // Exponential backtracking stops at the work bound: undecided, never "matches".
    CHECK(patterns.match("^(a|aa)+\\1$", std::string(60, 'a') + "b") == Match::unknown);
    // Past 64 KiB nothing is decided.
    CHECK(patterns.match("^b", std::string(70000, 'a')) == Match::unknown);
    CHECK(patterns.matches("^b", std::string(70000, 'a')));  // which counts as a match for slots
    CHECK(patterns.match("(", "abc") == Match::unknown);      // neither engine compiles it
  }

  TEST_CASE("dependency lists and multipleOf compare exactly") {
    CHECK(breaks(R"({"dependentRequired":{"a":["b,c"]}})",
                 R"({"dependentRequired":{"a":["b","c"]}})"));
    CHECK(breaks(R"({"type":"number","multipleOf":1e-10})",
                 R"({"type":"number","multipleOf":3e-10})"));
    CHECK_FALSE(
        breaks(R"({"type":"number","multipleOf":0.2})", R"({"type":"number","multipleOf":0.1})"));
    CHECK_FALSE(breaks(R"({"type":"integer"})", R"({"type":"integer","multipleOf":1})"));
  }

  TEST_CASE("a type array spread over union branches") {
    CHECK_FALSE(breaks(R"({"type":["string","integer"]})",
                       R"({"anyOf":[{"type":"string"},{"type":"integer"}]})"));
    CHECK(breaks(R"({"type":["string","integer"]})",
                 R"({"anyOf":[{"type":"string"},{"type":"integer","maximum":3}]})"));
    CHECK(breaks(R"({"type":["string","null"]})", R"({"anyOf":[{"type":"string"}]})"));
  }

  TEST_CASE("an answer that assumed a recursive pair is dropped when that pair fails") {
    // Branch X is checked first and caches (P, P') as holding while (X, X') is in progress;
    // X' then fails on maxProperties, so the cached answer for P must not cover branch P.
    const std::string old_schema = R"({"$defs":{
        "X":{"type":"object","properties":{"p":{"$ref":"#/$defs/P"}}},
        "P":{"type":"object","properties":{"x":{"$ref":"#/$defs/X"}}}},
      "anyOf":[{"$ref":"#/$defs/X"},{"$ref":"#/$defs/P"}]})";
    const std::string new_schema = R"({"$defs":{
        "X":{"type":"object","properties":{"p":{"$ref":"#/$defs/P"}},"maxProperties":3},
        "P":{"type":"object","properties":{"x":{"$ref":"#/$defs/X"}}},
        "W":{"type":"object","properties":{"p":{"$ref":"#/$defs/V"}}},
        "V":{"type":"object","properties":{"x":{"$ref":"#/$defs/W"}}}},
      "anyOf":[{"$ref":"#/$defs/X"},{"$ref":"#/$defs/P"},{"$ref":"#/$defs/W"}]})";
    CHECK(breaks(old_schema, new_schema));
  }

  TEST_CASE("defaults that constrain nothing are not reported") {
    CHECK_FALSE(breaks(R"({"type":"array","contains":{"type":"string"}})",
                       R"({"type":"array","contains":{"type":"string"},"minContains":1})"));
  }

  TEST_CASE("long chains of pure references are followed to the end") {
    std::string defs;
    for (int i = 0; i < 70; ++i) {
      defs +=
          "\"r" + std::to_string(i) + "\":{\"$ref\":\"#/$defs/r" + std::to_string(i + 1) + "\"},";
    }
    defs += R"("r70":{"type":"string","maxLength":3})";
    CHECK(rules_for(R"({"type":"string"})", R"({"$defs":{)" + defs + R"(},"$ref":"#/$defs/r0"})")
              .contains("MAX_LENGTH_NO_DECREASE"));
  }

  TEST_CASE("forward is the same comparison the other way round") {
    CHECK(rules_for(R"({"type":"string","maxLength":5})", R"({"type":"string","maxLength":10})",
                    "forward")
              .contains("MAX_LENGTH_NO_DECREASE"));
    CHECK(rules_for(R"({"type":"string","maxLength":5})", R"({"type":"string","maxLength":10})",
                    "forward") ==
          rules_for(R"({"type":"string","maxLength":10})", R"({"type":"string","maxLength":5})"));
  }

  TEST_CASE("an OLD allOf is compared as the intersection of its members") {
    CHECK_FALSE(breaks(R"({"allOf":[{"type":"string"},{"maxLength":5}]})",
                       R"({"type":"string","maxLength":5})"));
    CHECK_FALSE(
        breaks(R"({"allOf":[{"type":"number","minimum":0},{"type":"integer","maximum":9}]})",
               R"({"type":"integer","minimum":0,"maximum":9})"));
    CHECK_FALSE(breaks(R"({"allOf":[{"required":["a"]},{"required":["b"]}]})",
                       R"({"required":["a","b"]})"));
    // Still a break where the intersection is wider than NEW.
    CHECK(rules_for(R"({"allOf":[{"type":"string"},{"maxLength":5}]})",
                    R"({"type":"string","maxLength":4})")
              .contains("MAX_LENGTH_NO_DECREASE"));
    // additionalProperties is relative to its own properties: OLD accepts only {} here, which
    // merging the two members into one object would have forgotten.
    CHECK_FALSE(breaks(
        R"({"allOf":[{"properties":{"a":{"type":"string"}}},{"additionalProperties":false}]})",
        R"({"properties":{"a":{"type":"integer"}},"additionalProperties":false})"));
  }

  TEST_CASE("unevaluatedProperties leaves names evaluated through allOf and $ref to them") {
    const std::string base = R"("$defs":{"base":{"properties":{"a":{"type":"string"}}}})";
    // NEW drops its own declaration of "a": the $ref'd base still evaluates it.
    CHECK_FALSE(breaks(
        "{" + base +
            R"(,"properties":{"a":{"type":"string"}},"allOf":[{"$ref":"#/$defs/base"}],"unevaluatedProperties":false})",
        "{" + base + R"(,"allOf":[{"$ref":"#/$defs/base"}],"unevaluatedProperties":false})"));
    // NEW narrows "a" beside the base that allowed any string: a break.
    CHECK(
        rules_for(
            "{" + base + R"(,"allOf":[{"$ref":"#/$defs/base"}],"unevaluatedProperties":false})",
            "{" + base +
                R"(,"properties":{"a":{"type":"string","maxLength":3}},"allOf":[{"$ref":"#/$defs/base"}],"unevaluatedProperties":false})")
            .contains("PROPERTY_NO_ADD_UNCOVERED"));
  }

  TEST_CASE("every matching patternProperties entry constrains a name") {
    // OLD values of "ab" met both patterns, so the new declaration accepts them.
    CHECK_FALSE(breaks(R"({"patternProperties":{"^a":{"type":"string"},"b$":{"maxLength":3}}})",
                       R"({"properties":{"ab":{"type":"string","maxLength":3}},
                          "patternProperties":{"^a":{"type":"string"},"b$":{"maxLength":3}}})"));
    // NEW drops "ab" from properties; both its patterns still hold what OLD allowed.
    CHECK_FALSE(breaks(R"({"properties":{"ab":{"type":"string"}},
                   "patternProperties":{"^a":{"type":"string"},"b$":{"maxLength":2}}})",
                       R"({"patternProperties":{"^a":{"type":"string"},"b$":{"maxLength":2}}})"));
  }
}
