// Confluent Schema Registry's own JSON Schema diff examples (../shared/conformance/jsonschema/
// confluent/, test data only): every example must get Confluent's backward verdict (and its
// LENIENT verdict where one is given), except the deliberate differences listed below and in
// docs/jsonschema.md. Skipped when the folder is absent.
#include <breakwater/check.hpp>

#include "cli_runner.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

// Two of Confluent's files use trailing commas (its JSON reader accepts them).
std::string without_trailing_commas(const std::string& text) {
  std::string out;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size())
        out += text[++i];
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == ',') {
      size_t j = i + 1;
      while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
      if (j < text.size() && (text[j] == '}' || text[j] == ']')) continue;
    }
    out += c;
  }
  return out;
}

struct Verdict {
  bool compatible;
  std::string findings;
};

Verdict run_example(const fs::path& dir, const Json& example, const std::string& policy) {
  fs::create_directories(dir / "old");
  fs::create_directories(dir / "new");
  breakwater::test::write_file((dir / "old" / "schema.json").string(),
                               example["original_schema"].dump(2));
  breakwater::test::write_file((dir / "new" / "schema.json").string(),
                               example["update_schema"].dump(2));
  breakwater::CheckOptions options;
  options.load.lang = "jsonschema";
  options.policy = policy;
  const auto result = breakwater::check((dir / "old").string(), (dir / "new").string(), options);
  Verdict v{true, ""};
  for (const auto& f : result.findings) {
    if (f.severity != breakwater::Severity::error) continue;
    v.compatible = false;
    v.findings += " " + f.rule_id;
  }
  return v;
}

// file:index -> why breakwater's verdict differs from Confluent's on purpose.
const std::map<std::string, std::string>& deliberate() {
  static const std::string pattern =
      "a changed pattern is a warning (PATTERN_NO_CHANGE): regex inclusion is undecidable in "
      "general, so breakwater says so instead of guessing";
  static const std::string required =
      "required [foo] -> [bar] rejects {\"foo\": 1}: Confluent compares required only for "
      "declared properties";
  static const std::string additional_items =
      "additionalItems has no effect without array-form items (every draft), so the documents "
      "accepted do not change";
  static const std::map<std::string, std::string> d = {
      {"diff-schema-examples.json:10", pattern},
      {"diff-schema-examples-2020-12.json:10", pattern},
      {"diff-schema-examples.json:55", required},
      {"diff-schema-examples-2020-12.json:57", required},
      {"diff-schema-examples.json:87", additional_items},
      {"diff-schema-examples.json:88", additional_items},
  };
  return d;
}

}  // namespace

TEST_SUITE("jsonschema_conformance") {
  TEST_CASE("Confluent's examples get Confluent's backward verdict") {
    const fs::path root = fs::path(BREAKWATER_SHARED_CONFORMANCE) / "jsonschema" / "confluent";
    if (!fs::exists(root / "diff-schema-examples.json")) {
      MESSAGE("skipped: " << root << " is absent");
      return;
    }
    char tmpl[] = "/tmp/bw-confluent-XXXXXX";
    const fs::path scratch = mkdtemp(tmpl);
    int examples = 0, agreed = 0;
    std::set<std::string> unexplained;
    for (const char* name :
         {"diff-schema-examples.json", "diff-schema-examples-2020-12.json",
          "diff-combined-schema-examples.json", "diff-combined-schema-examples-2020-12.json"}) {
      const Json all =
          Json::parse(without_trailing_commas(breakwater::test::read_file((root / name).string())));
      for (size_t i = 0; i < all.size(); ++i) {
        const Json& example = all[i];
        const std::string id = std::string(name) + ":" + std::to_string(i);
        ++examples;
        const fs::path dir = scratch / std::to_string(examples);
        Verdict v;
        try {
          v = run_example(dir, example, "");
        } catch (const std::exception& e) {
          unexplained.insert(id + " (" + example.value("description", "") + "): error " + e.what());
          continue;
        }
        bool ok = v.compatible == example.value("compatible", true);
        if (ok && example.contains("compatible_lenient")) {
          const Verdict lenient = run_example(dir, example, "lenient");
          ok = lenient.compatible == example["compatible_lenient"].get<bool>();
          if (!ok) v.findings = " [lenient]" + lenient.findings;
        }
        if (ok) {
          ++agreed;
          CHECK_MESSAGE(!deliberate().contains(id), id << " is listed as a deliberate difference "
                                                          "but now agrees: remove it");
        } else if (!deliberate().contains(id)) {
          unexplained.insert(id + " (" + example.value("description", "") + "): confluent says " +
                             (example.value("compatible", true) ? "compatible" : "breaking") +
                             ", breakwater:" + (v.findings.empty() ? " compatible" : v.findings));
        }
      }
    }
    fs::remove_all(scratch);
    for (const auto& u : unexplained) MESSAGE(u);
    MESSAGE(agreed << " of " << examples << " examples agree");
    CHECK(examples == 263);
    CHECK(unexplained.empty());
  }
}
