// The reporters on a hand-built result: escaping and structure of every format, the limits
// (GitHub's 10 per kind, the 65,536-character PR comment), suppressed findings, and the same
// fingerprints everywhere.
#include <breakwater/report.hpp>

#include "cli_runner.hpp"
#include "report/reporters.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using breakwater::CheckResult;
using breakwater::Finding;
using breakwater::Location;
using breakwater::ReportOptions;
using breakwater::Severity;
using nlohmann::json;

namespace {

// Everything a reporter must escape somewhere, in one message and one entity.
const std::string kNastyMessage = "Type of `a|b` changed: 100% <T> & x,y\nsecond line\x01";
const std::string kNastyEntity = "acme.Map<T>|x,y:z";
const std::string kNastyPath = "v2/odd,dir:100%/c.proto";

Finding make(std::string rule, Severity severity, Location where, Location old_where,
             std::string entity, std::string fingerprint) {
  Finding f;
  f.rule_id = std::move(rule);
  f.severity = severity;
  f.categories = {"FILE", "WIRE"};
  f.format = "protobuf";
  f.entity = std::move(entity);
  f.message = f.rule_id + " happened to " + f.entity + ".";
  f.location = std::move(where);
  f.old_location = std::move(old_where);
  f.fix = "Undo it.";
  f.fingerprint = std::move(fingerprint);
  return f;
}

// Sorted by path, line, column, rule, as the core hands results over.
CheckResult sample() {
  CheckResult r;
  r.format = "protobuf";
  r.formats = {"protobuf"};
  r.rules_run = {"ENUM_NO_DELETE",  "FIELD_NO_DELETE",   "FIELD_SAME_JSON_NAME", "FIELD_SAME_NAME",
                 "FIELD_SAME_TYPE", "FILE_SAME_PACKAGE", "MESSAGE_NO_DELETE"};
  r.old_input = "git:main";
  r.new_input = "v2";
  r.findings.push_back(make("FIELD_NO_DELETE", Severity::error, {"v2/a.proto", 3, 1},
                            {"v1/a.proto", 4, 3}, "acme.User.email",
                            "00000000000000000000000000000001"));
  r.findings.push_back(make("FIELD_SAME_TYPE", Severity::warning, {"v2/a.proto", 5, 3},
                            {"v1/a.proto", 6, 3}, "acme.User.age",
                            "00000000000000000000000000000002"));
  Finding suppressed =
      make("FIELD_SAME_NAME", Severity::error, {"v2/a.proto", 5, 10}, {"v1/a.proto", 6, 10},
           "acme.User.2", "00000000000000000000000000000003");
  suppressed.suppressed = breakwater::Suppression{"renamed on purpose", "inline"};
  r.findings.push_back(suppressed);
  r.findings.push_back(make("ENUM_NO_DELETE", Severity::info, {"v2/a.proto", 7, 1}, {},
                            "acme.Status", "00000000000000000000000000000004"));
  r.findings.push_back(make("FILE_SAME_PACKAGE", Severity::error, {"v2/b.proto", 0, 0},
                            {"v1/b.proto", 1, 1}, "b.proto", "00000000000000000000000000000005"));
  Finding nasty =
      make("FIELD_SAME_JSON_NAME", Severity::error, {kNastyPath, 2, 5},
           {"v1/odd,dir:100%/c.proto", 2, 5}, kNastyEntity, "00000000000000000000000000000006");
  nasty.message = kNastyMessage;
  r.findings.push_back(nasty);
  Finding meta = make("TEST_ONLY_META_RULE", Severity::warning, {kNastyPath, 9, 1}, {},
                      "breakwater:ignore", "00000000000000000000000000000007");
  meta.format = "breakwater";
  meta.categories = {};
  r.findings.push_back(meta);
  return r;
}

std::string render(const CheckResult& r, const std::string& format, ReportOptions o = {}) {
  o.format = format;
  return breakwater::render(r, o);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string attribute(const std::string& text, const std::string& element,
                      const std::string& name) {
  const size_t start = text.find("<" + element + " ");
  REQUIRE(start != std::string::npos);
  const size_t at = text.find(" " + name + "=\"", start);
  REQUIRE(at != std::string::npos);
  const size_t from = at + name.size() + 3;
  return text.substr(from, text.find('"', from) - from);
}

// Many error findings on distinct lines, for the limits.
CheckResult many(int errors, int infos) {
  CheckResult r;
  r.format = "protobuf";
  r.formats = {"protobuf"};
  for (int i = 0; i < errors + infos; ++i) {
    const bool info = i >= errors;
    r.findings.push_back(make("FIELD_NO_DELETE", info ? Severity::info : Severity::error,
                              {"v2/a.proto", static_cast<uint32_t>(i + 1), 1},
                              {"v1/a.proto", static_cast<uint32_t>(i + 1), 1},
                              "acme.M.f" + std::to_string(i), "fp" + std::to_string(i)));
  }
  return r;
}

bool have_validator(const std::string& name) {
  return fs::exists(std::string(BREAKWATER_SHARED_FORMATS) + "/" + name);
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("every format is listed and dispatched") {
    const std::vector<std::string> expected = {"text",   "json",  "sarif",   "github",
                                               "gitlab", "junit", "markdown"};
    CHECK(breakwater::report_formats() == expected);
    const CheckResult r = sample();
    std::set<std::string> outputs;
    for (const std::string& f : expected) outputs.insert(render(r, f));
    CHECK(outputs.size() == expected.size());
  }

  TEST_CASE("json: schema version 2, summary, locations, suppression") {
    const json doc = json::parse(render(sample(), "json"));
    CHECK(doc["schema_version"] == 2);
    CHECK(doc["tool"]["name"] == "breakwater");
    CHECK(doc["inputs"] == json({{"old", "git:main"}, {"new", "v2"}}));
    CHECK(doc["format"] == "protobuf");
    CHECK(doc["formats"] == json::array({"protobuf"}));
    CHECK(doc["summary"] == json({{"error", 3},
                                  {"warning", 2},
                                  {"info", 1},
                                  {"suppressed", 1},
                                  {"fail_on", "error"},
                                  {"exit_code", 1}}));
    const json& findings = doc["findings"];
    REQUIRE(findings.size() == 7);  // suppressed findings stay, marked
    const json& first = findings[0];
    CHECK(first["rule_id"] == "FIELD_NO_DELETE");
    CHECK(first["category"] == "FILE");
    CHECK(first["new"] == json({{"path", "v2/a.proto"},
                                {"line", 3},
                                {"column", 1},
                                {"end_line", 3},
                                {"end_column", 2}}));
    CHECK(first["old"]["line"] == 4);
    CHECK(!first["why"].get<std::string>().empty());
    CHECK(first["help_uri"].get<std::string>().find("field_no_delete") != std::string::npos);
    CHECK(first["suppressed"].is_null());
    CHECK(findings[2]["suppressed"] ==
          json({{"reason", "renamed on purpose"}, {"source", "inline"}}));
    CHECK(findings[3]["old"].is_null());
    CHECK(findings[4]["new"] == json({{"path", "v2/b.proto"},
                                      {"line", nullptr},
                                      {"column", nullptr},
                                      {"end_line", nullptr},
                                      {"end_column", nullptr}}));
    CHECK(findings[5]["message"] == kNastyMessage);
    CHECK(findings[5]["entity"] == kNastyEntity);
    CHECK(findings[6]["category"].is_null());
    CHECK(findings[6]["format"] == "breakwater");

    ReportOptions never;
    never.fail_never = true;
    const json quiet = json::parse(render(sample(), "json", never));
    CHECK(quiet["summary"]["fail_on"] == "never");
    CHECK(quiet["summary"]["exit_code"] == 0);
  }

  TEST_CASE("text: suppressed findings are counted, not shown") {
    const std::string out = render(sample(), "text");
    CHECK(out.find("FIELD_SAME_NAME") == std::string::npos);
    CHECK(out.find("v2/a.proto:3:1: error[FIELD_NO_DELETE]: ") != std::string::npos);
    CHECK(out.find("(1 suppressed)") != std::string::npos);
    CHECK(out.find("\n3 errors, 2 warnings, 1 info (1 suppressed) — exit 1: findings at or above "
                   "--fail-on error\n") != std::string::npos);
    CHECK(out.find("    see: https://") != std::string::npos);
    CHECK(out.find("    why: ") != std::string::npos);
  }

  TEST_CASE("github: one escaped command per finding, most severe first") {
    const std::string out = render(sample(), "github");
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == 6);  // the suppressed finding is left out; no other line
    CHECK(out.find("FIELD_SAME_NAME") == std::string::npos);
    for (size_t i = 0; i < 3; ++i) CHECK(lines[i].rfind("::error ", 0) == 0);
    CHECK(lines[3].rfind("::warning ", 0) == 0);
    CHECK(lines[4].rfind("::warning ", 0) == 0);
    CHECK(lines[5].rfind("::notice ", 0) == 0);
    CHECK(lines[0] ==
          "::error file=v2/a.proto,line=3,endLine=3,col=1,endColumn=2,title=FIELD_NO_DELETE::"
          "FIELD_NO_DELETE happened to acme.User.email.%0Abase: v1/a.proto:4:3%0Afix: Undo it.");
    // Unknown line: the file only.
    CHECK(lines[1].rfind("::error file=v2/b.proto,title=FILE_SAME_PACKAGE::", 0) == 0);
    // Properties escape % , : ; the message escapes % and newlines but keeps , and :.
    CHECK(lines[2].rfind("::error file=v2/odd%2Cdir%3A100%25/c.proto,line=2,endLine=2,col=5,"
                         "endColumn=6,title=FIELD_SAME_JSON_NAME::Type of `a|b` changed: 100%25 "
                         "<T> & x,y%0Asecond line\x01%0Abase: v1/odd,dir:100%25/c.proto:2:5",
                         0) == 0);
    // No old location: no base line.
    CHECK(lines[5] ==
          "::notice file=v2/a.proto,line=7,endLine=7,col=1,endColumn=2,title=ENUM_NO_DELETE::"
          "ENUM_NO_DELETE happened to acme.Status.%0Afix: Undo it.");

    if (have_validator("validate-gh-annotations.sh")) {
      const std::string file = "/tmp/bw-report-gh-" + std::to_string(getpid()) + ".txt";
      breakwater::test::write_file(file, out);
      const std::string cmd = "bash " + std::string(BREAKWATER_SHARED_FORMATS) +
                              "/validate-gh-annotations.sh --strict " + file + " >/dev/null";
      CHECK(std::system(cmd.c_str()) == 0);
      fs::remove(file);
    }
  }

  TEST_CASE("github: 10 per kind, then one notice with the rest") {
    SUBCASE("25 errors and 3 infos") {
      const auto lines = lines_of(render(many(25, 3), "github"));
      REQUIRE(lines.size() == 10 + 3 + 1);
      CHECK(std::count_if(lines.begin(), lines.end(),
                          [](const std::string& l) { return l.rfind("::error ", 0) == 0; }) == 10);
      CHECK(lines.back().rfind("::notice title=breakwater::15 more findings not shown", 0) == 0);
    }
    SUBCASE("12 infos: the closing notice takes the tenth notice slot") {
      const auto lines = lines_of(render(many(0, 12), "github"));
      REQUIRE(lines.size() == 10);
      CHECK(lines.back().rfind("::notice title=breakwater::3 more findings not shown", 0) == 0);
    }
    SUBCASE("exactly 10 of each kind: nothing hidden") {
      const auto lines = lines_of(render(many(10, 10), "github"));
      CHECK(lines.size() == 20);
      CHECK(lines.back().find("more finding") == std::string::npos);
    }
  }

  TEST_CASE("gitlab: array of unsuppressed issues with unique fingerprints") {
    const json doc = json::parse(render(sample(), "gitlab"));
    REQUIRE(doc.is_array());
    REQUIRE(doc.size() == 6);
    std::set<std::string> fingerprints;
    for (const json& issue : doc) {
      fingerprints.insert(issue["fingerprint"].get<std::string>());
      CHECK(issue["type"] == "issue");
      CHECK(issue["check_name"].get<std::string>().rfind("breakwater/", 0) == 0);
      CHECK(!issue["description"].get<std::string>().empty());
    }
    CHECK(fingerprints.size() == 6);
    CHECK(doc[0]["severity"] == "major");
    CHECK(doc[0]["location"] ==
          json({{"path", "v2/a.proto"}, {"positions", {{"begin", {{"line", 3}, {"column", 1}}}}}}));
    CHECK(doc[1]["severity"] == "minor");
    CHECK(doc[2]["severity"] == "info");
    CHECK(doc[3]["location"] == json({{"path", "v2/b.proto"}, {"lines", {{"begin", 1}}}}));
    CHECK(doc[4]["description"].get<std::string>().rfind(kNastyMessage, 0) == 0);
    CHECK(doc[4]["location"]["path"] == kNastyPath);
    CHECK(json::parse(render(CheckResult{}, "gitlab")) == json::array());
  }

  TEST_CASE("junit: one suite per format, counts match, XML escaped") {
    const std::string out = render(sample(), "junit");
    CHECK(out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"breakwater\"",
                    0) == 0);
    CHECK(count(out, "<testsuite ") == 2);
    CHECK(out.find("<testsuite name=\"breakwater.breakwater\" tests=\"1\" failures=\"0\"") !=
          std::string::npos);
    // protobuf: 5 unsuppressed findings + 2 rules that ran clean (FIELD_SAME_NAME's only finding
    // is suppressed, MESSAGE_NO_DELETE found nothing); 3 errors fail.
    CHECK(
        out.find("<testsuite name=\"breakwater.protobuf\" tests=\"7\" failures=\"3\" errors=\"0\" "
                 "skipped=\"0\"") != std::string::npos);
    CHECK(attribute(out, "testsuites", "tests") == "8");
    CHECK(attribute(out, "testsuites", "failures") == "3");
    CHECK(count(out, "<testcase ") == 8);
    CHECK(count(out, "<failure ") == 3);
    CHECK(count(out, "<system-out>") == 3);  // the warnings and the info pass, with their text
    CHECK(out.find("<property name=\"suppressed\" value=\"1\"/>") != std::string::npos);
    CHECK(out.find("name=\"FIELD_SAME_NAME\"") != std::string::npos);
    CHECK(out.find("name=\"FIELD_SAME_NAME acme.User.2\"") == std::string::npos);
    CHECK(out.find("name=\"FIELD_SAME_JSON_NAME acme.Map&lt;T&gt;|x,y:z\" "
                   "file=\"v2/odd,dir:100%/c.proto\"") != std::string::npos);
    CHECK(out.find("message=\"Type of `a|b` changed: 100% &lt;T&gt; &amp; x,y&#10;second "
                   "line\"") != std::string::npos);
    CHECK(out.find('\x01') == std::string::npos);
    CHECK(out.find("    why: ") != std::string::npos);

    ReportOptions warn;
    warn.fail_on = Severity::warning;
    const std::string strict = render(sample(), "junit", warn);
    CHECK(count(strict, "<failure ") == 5);
    CHECK(attribute(strict, "testsuites", "failures") == "5");
  }

  TEST_CASE("markdown: marker, heading, escaped table, details, footer") {
    const std::string out = render(sample(), "markdown");
    const auto lines = lines_of(out);
    REQUIRE(lines.size() > 4);
    CHECK(lines[0] == "<!-- breakwater-report -->");
    CHECK(lines[1] ==
          "### Breakwater: 3 breaking changes, 2 warnings, 1 info, 1 suppressed \xE2\x80\x94 fails "
          "(--fail-on error)");
    CHECK(lines[3] == "| | Rule | Where (new) | Change | Was (old) |");
    std::vector<std::string> rows;
    for (const auto& l : lines) {
      if (l.rfind("| ", 0) == 0 && l != lines[3]) rows.push_back(l);
    }
    REQUIRE(rows.size() == 6);
    CHECK(out.find("FIELD_SAME_NAME") == std::string::npos);
    CHECK(rows[0].find("[`FIELD_NO_DELETE`](https://") != std::string::npos);
    // Severity order: the three errors, then the warnings, then the info.
    CHECK(rows[2].find("FIELD_SAME_JSON_NAME") != std::string::npos);
    CHECK(rows[5].find("ENUM_NO_DELETE") != std::string::npos);
    const std::string& nasty = rows[2];
    CHECK(nasty.find("Type of `a\\|b` changed: 100% &lt;T&gt; &amp; x,y<br>second line") !=
          std::string::npos);
    // Code spans are literal: escaped pipes, but no HTML entities.
    CHECK(nasty.find("`acme.Map<T>\\|x,y:z`") != std::string::npos);
    CHECK(nasty.find("`v2/odd,dir:100%/c.proto:2:5`") != std::string::npos);
    CHECK(rows[3].find("| \xE2\x80\x94 |") == std::string::npos);
    CHECK(rows[5].find("| \xE2\x80\x94 |") != std::string::npos);  // no OLD location
    CHECK(count(out, "<details><summary>") == 6);
    CHECK(out.find('\x01') == std::string::npos);
    CHECK(out.find("<code>acme.Map&lt;T&gt;|x,y:z</code></summary>") != std::string::npos);
    const size_t version = out.find("<sub>breakwater ");
    REQUIRE(version != std::string::npos);
    CHECK(std::isdigit(static_cast<unsigned char>(out[version + 16])));
    CHECK(out.find("`git:main` \xE2\x86\x92 `v2`") != std::string::npos);
    CHECK(out.find("// breakwater:ignore RULE_ID reason") != std::string::npos);
    CHECK(out.find("--baseline") != std::string::npos);
  }

  TEST_CASE("markdown: a clean run is the marker and one heading") {
    CheckResult clean = sample();
    clean.findings = {clean.findings[2]};  // only the suppressed one
    CHECK(render(clean, "markdown") ==
          "<!-- breakwater-report -->\n### Breakwater: no breaking changes (1 suppressed)\n");
    CHECK(render(CheckResult{}, "markdown") ==
          "<!-- breakwater-report -->\n### Breakwater: no breaking changes\n");
  }

  TEST_CASE("markdown: a code span around a backtick uses a longer fence") {
    CheckResult r = sample();
    r.findings = {r.findings[0]};
    r.findings[0].entity = "a`b";
    CHECK(render(r, "markdown").find("``a`b``") != std::string::npos);
  }

  TEST_CASE("markdown: 3000 findings stay under the comment limit") {
    const std::string out = render(many(3000, 0), "markdown");
    CHECK(out.size() <= breakwater::detail::kMarkdownCommentLimit);
    size_t rows = 0;
    for (const auto& l : lines_of(out)) rows += l.rfind("| \xE2\x9D\x8C |", 0) == 0 ? 1 : 0;
    CHECK(rows > 10);
    CHECK(rows < 3000);
    const std::string more =
        "\xE2\x80\xA6"
        "and " +
        std::to_string(3000 - rows) + " more; see the SARIF/JSON artifact";
    CHECK(out.find(more) != std::string::npos);
    CHECK(count(out, "<details><summary>") == rows);
    CHECK(out.find("--baseline") != std::string::npos);  // the footer survives

    const std::string big =
        breakwater::detail::render_markdown(many(3000, 0), ReportOptions{}, 1024 * 1024);
    CHECK(big.size() > out.size());
    CHECK(big.size() <= 1024 * 1024);
  }

  TEST_CASE("sarif: rules for every finding, suppressions, line hashes from the source root") {
    char tmpl[] = "/tmp/bw-report-root-XXXXXX";
    const std::string root = mkdtemp(tmpl);
    fs::create_directories(root + "/v2");
    breakwater::test::write_file(root + "/v2/a.proto",
                                 "syntax = \"proto3\";\n\nmessage User {\n  int64 age = 5;\n}\n"
                                 "\nenum Status { A = 0; }\n");
    ReportOptions o;
    o.source_root = root;
    const json doc = json::parse(render(sample(), "sarif", o));
    fs::remove_all(root);

    const json& run = doc["runs"][0];
    CHECK(run["automationDetails"]["id"] == "breakwater/protobuf/");
    CHECK(run["columnKind"] == "unicodeCodePoints");
    const json& driver = run["tool"]["driver"];
    CHECK(driver["informationUri"].get<std::string>().rfind("https://", 0) == 0);
    const json& rules = driver["rules"];
    std::vector<std::string> ids;
    for (const json& rule : rules) {
      ids.push_back(rule["id"]);
      CHECK(rule["helpUri"].get<std::string>().rfind("https://", 0) == 0);
      CHECK(!rule["help"]["markdown"].get<std::string>().empty());
      CHECK(!rule["fullDescription"]["text"].get<std::string>().empty());
      CHECK(!rule.contains("security-severity"));
    }
    // rules_run plus the meta rule that only a finding names, sorted.
    CHECK(std::is_sorted(ids.begin(), ids.end()));
    CHECK(std::find(ids.begin(), ids.end(), "TEST_ONLY_META_RULE") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "MESSAGE_NO_DELETE") != ids.end());
    const json& results = run["results"];
    REQUIRE(results.size() == 7);
    for (const json& res : results) {
      CHECK(rules[res["ruleIndex"].get<size_t>()]["id"] == res["ruleId"]);
    }
    const json& first = results[0];
    CHECK(rules[first["ruleIndex"].get<size_t>()]["name"] == "FieldNoDelete");
    CHECK(first["locations"][0]["physicalLocation"]["region"] ==
          json({{"startLine", 3}, {"startColumn", 1}, {"endLine", 3}, {"endColumn", 2}}));
    CHECK(first["partialFingerprints"]["primaryLocationLineHash"] ==
          breakwater::detail::line_hashes(
              "syntax = \"proto3\";\n\nmessage User {\n  int64 age = 5;\n}\n\nenum Status { A = "
              "0; }\n")[2]);
    // OLD is a commit (git:main): its place is named, not linked into the checkout, and its
    // related location resolves against its own base, never %SRCROOT%.
    CHECK(first["message"]["text"].get<std::string>().find(
              "\nbase: v1/a.proto:4:3 in git:main") != std::string::npos);
    CHECK(first["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] ==
          "BREAKWATER_OLD");
    CHECK(run["originalUriBaseIds"].contains("BREAKWATER_OLD"));
    CHECK(!first.contains("suppressions"));
    CHECK(results[2]["suppressions"] ==
          json::array({{{"kind", "inSource"}, {"justification", "renamed on purpose"}}}));
    // v2/b.proto does not exist under the root: no line hash rather than a wrong one.
    CHECK(!results[4]["partialFingerprints"].contains("primaryLocationLineHash"));
    CHECK(results[4]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1);
    CHECK(results[5]["message"]["text"].get<std::string>().rfind(kNastyMessage, 0) == 0);
    CHECK(results[5]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
          "v2/odd%2Cdir%3A100%25/c.proto");

    CheckResult external = sample();
    external.findings[2].suppressed->source = "baseline";
    const json ext = json::parse(render(external, "sarif", o));
    CHECK(ext["runs"][0]["results"][2]["suppressions"][0]["kind"] == "external");
  }

  TEST_CASE("every format carries the same findings and fingerprints") {
    const CheckResult r = sample();
    std::multiset<std::string> all, active;
    for (const Finding& f : r.findings) {
      all.insert(f.fingerprint);
      if (!f.suppressed) active.insert(f.fingerprint);
    }
    std::multiset<std::string> from_json, from_sarif, from_gitlab;
    // Named documents: a range-for over a member of a temporary would read freed memory.
    const json doc_json = json::parse(render(r, "json"));
    const json doc_sarif = json::parse(render(r, "sarif"));
    const json doc_gitlab = json::parse(render(r, "gitlab"));
    for (const json& f : doc_json["findings"])
      from_json.insert(f["fingerprint"].get<std::string>());
    for (const json& res : doc_sarif["runs"][0]["results"]) {
      from_sarif.insert(res["partialFingerprints"]["breakwater/v1"].get<std::string>());
    }
    for (const json& issue : doc_gitlab)
      from_gitlab.insert(issue["fingerprint"].get<std::string>());
    CHECK(from_json == all);
    CHECK(from_sarif == all);
    CHECK(from_gitlab == active);

    // The formats without a fingerprint field name the same unsuppressed findings.
    const std::string github = render(r, "github");
    const std::string junit = render(r, "junit");
    const std::string markdown = render(r, "markdown");
    for (const Finding& f : r.findings) {
      CAPTURE(f.rule_id);
      const size_t expected = f.suppressed ? 0 : 1;
      CHECK(count(github, "title=" + f.rule_id + "::") == expected);
      CHECK(count(markdown, "[`" + f.rule_id + "`]") == expected);
      CHECK(count(junit, "[" + f.rule_id + "]: ") == expected);  // in <failure> or <system-out>
    }
  }

  TEST_CASE("github side outputs: step summary and outputs, only when set") {
    char tmpl[] = "/tmp/bw-report-gh-XXXXXX";
    const std::string dir = mkdtemp(tmpl);
    const std::string summary = dir + "/summary.md", output = dir + "/output.txt";
    breakwater::test::write_file(output, "earlier=1\n");
    setenv("GITHUB_STEP_SUMMARY", summary.c_str(), 1);
    setenv("GITHUB_OUTPUT", output.c_str(), 1);
    breakwater::write_github_side_outputs(sample(), ReportOptions{});
    CHECK(breakwater::test::read_file(output) == "earlier=1\nerrors=3\nwarnings=2\ninfos=1\n");
    const std::string md = breakwater::test::read_file(summary);
    CHECK(md.rfind("<!-- breakwater-report -->\n### Breakwater: 3 breaking changes", 0) == 0);

    // Unwritable: a warning on stderr, no exception, nothing else changes.
    setenv("GITHUB_STEP_SUMMARY", (dir + "/no/such/dir/summary.md").c_str(), 1);
    unsetenv("GITHUB_OUTPUT");
    CHECK_NOTHROW(breakwater::write_github_side_outputs(sample(), ReportOptions{}));
    unsetenv("GITHUB_STEP_SUMMARY");
    CHECK_NOTHROW(breakwater::write_github_side_outputs(sample(), ReportOptions{}));
    CHECK(breakwater::test::read_file(output) == "earlier=1\nerrors=3\nwarnings=2\ninfos=1\n");
    fs::remove_all(dir);
  }
}
