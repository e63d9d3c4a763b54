// The CLI contract: exit statuses, flags, formats, and bad usage.
#include "cli_runner.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>
#include <filesystem>
#include <set>

using breakwater::test::run_cli;

namespace {
const std::string kExample = breakwater::test::source_dir() + "/examples/protobuf";
int count_lines(const std::string& s) {
  return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}
}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("version and help exit 0") {
    CHECK(run_cli(kExample, {"--version"}).status == 0);
    for (const char* sub : {"check", "rules", "explain", "dump"}) {
      const auto run = run_cli(kExample, {sub, "--help"});
      CHECK_MESSAGE(run.status == 0, sub);
      CHECK(run.out.find("Usage") != std::string::npos);
    }
  }

  TEST_CASE("usage errors exit 2 with one line on stderr") {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"check", "v1"},
             {"check"},
             {"check", "a", "b", "c"},
             {"check", "v1", "v2", "--output", "x", "--output", "y"},
             {"check", "v1", "v2", "--bogus"},
             {"frobnicate"},
             {"check", "v1", "v2", "--use", "FILEZ"},
             {"check", "v1", "v2", "--format", "xml"},
             {"check", "v1", "nowhere"},
             {"explain", "NOT_A_RULE"},
             {"rules", "--lang", "cobol"}}) {
      const auto run = run_cli(kExample, args);
      CHECK_MESSAGE(run.status == 2, args[0] << " " << (args.size() > 1 ? args[1] : ""));
      CHECK(count_lines(run.err) == 1);
      CHECK(run.err.find("error") != std::string::npos);
    }
  }

  TEST_CASE("garbage input exits 2 with one located line, never a crash") {
    char tmpl[] = "/tmp/bw-cli-garbage-XXXXXX";
    const std::string dir = mkdtemp(tmpl);
    auto put = [&](const std::string& name, const std::string& text) {
      std::filesystem::create_directories(std::filesystem::path(dir + "/" + name).parent_path());
      breakwater::test::write_file(dir + "/" + name, text);
    };
    std::string junk;
    for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 131 + 7) % 256);
    put("junk/a.proto", junk);
    put("cycle/a.proto", "syntax = \"proto3\";\nimport \"b.proto\";\n");
    put("cycle/b.proto", "syntax = \"proto3\";\nimport \"a.proto\";\n");
    put("good/a.proto", "syntax = \"proto3\";\nmessage A {}\n");
    put("truncated.binpb", std::string("\x0a\x80\x01\x0a\x07a.proto", 12));
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"junk", "junk/a.proto:1:"},
        {"cycle", "cycle/b.proto:2:1: error: import cycle: a.proto -> b.proto -> a.proto"},
        {"truncated.binpb", "truncated.binpb:1:1: error:"},
        {"no-such-dir", "no-such-dir: error: no such file"}};
    for (const auto& [input, where] : cases) {
      for (const auto& args : {std::vector<std::string>{"check", input, "good"},
                               std::vector<std::string>{"check", "good", input}}) {
        const auto run = run_cli(dir, args);
        CAPTURE(input);
        CHECK(run.status == 2);
        CHECK(count_lines(run.err) == 1);
        CHECK_MESSAGE(run.err.find(where) != std::string::npos, run.err);
        CHECK(run.out.empty());
      }
    }
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("breaking changes exit 1, none exit 0, --fail-on never exits 0") {
    CHECK(run_cli(kExample, {"check", "v1", "v2"}).status == 1);
    CHECK(run_cli(kExample, {"check", "v1", "v1"}).status == 0);
    CHECK(run_cli(kExample, {"check", "v1", "v2", "--fail-on", "never"}).status == 0);
  }

  TEST_CASE("text output: compiler-style lines, old location, fix, summary") {
    const auto run = run_cli(kExample, {"check", "v1", "v2"});
    CHECK(run.out.find("v2/acme/user/v1/user.proto:10:1: error[FIELD_NO_DELETE]: ") !=
          std::string::npos);
    CHECK(run.out.find("    old: v1/acme/user/v1/user.proto:13:3") != std::string::npos);
    CHECK(run.out.find("    fix: ") != std::string::npos);
    CHECK(run.out.find("\x1b[") == std::string::npos);
    CHECK(run.out.find(" — exit 1: ") != std::string::npos);
  }

  TEST_CASE("json output is versioned and carries both locations") {
    const auto run = run_cli(kExample, {"check", "v1", "v2", "--format", "json"});
    const auto doc = nlohmann::json::parse(run.out);
    CHECK(doc["schema_version"] == 2);
    REQUIRE(!doc["findings"].empty());
    const auto& f = doc["findings"][0];
    CHECK(f.contains("rule_id"));
    CHECK(f["new"]["line"].get<int>() >= 1);
    CHECK(f["fingerprint"].get<std::string>().size() == 32);
  }

  TEST_CASE("--output writes the report to a file") {
    const std::string out = "/tmp/bw-cli-output.sarif";
    const auto run = run_cli(kExample, {"check", "v1", "v2", "--format", "sarif", "--output", out});
    CHECK(run.status == 1);
    CHECK(run.out.empty());
    const auto doc = nlohmann::json::parse(breakwater::test::read_file(out));
    CHECK(doc["version"] == "2.1.0");
    CHECK(doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
             ["uriBaseId"] == "%SRCROOT%");
    std::filesystem::remove(out);
  }

  TEST_CASE("several formats in one run: each --output follows its --format") {
    const std::string dir = "/tmp/bw-cli-multi";
    std::filesystem::create_directories(dir);
    const auto run =
        run_cli(kExample, {"check", "v1", "v2", "--format", "sarif", "--output", dir + "/out.sarif",
                           "--format", "text", "--format", "gitlab", "--output", dir + "/gl.json",
                           "--format", "junit", "-o", dir + "/junit.xml"});
    CHECK(run.status == 1);
    CHECK(run.out.find("error[FIELD_NO_DELETE]") != std::string::npos);
    const auto sarif = nlohmann::json::parse(breakwater::test::read_file(dir + "/out.sarif"));
    const auto gitlab = nlohmann::json::parse(breakwater::test::read_file(dir + "/gl.json"));
    std::set<std::string> from_sarif, from_gitlab;
    for (const auto& r : sarif["runs"][0]["results"]) {
      from_sarif.insert(r["partialFingerprints"]["breakwater/v1"].get<std::string>());
    }
    for (const auto& i : gitlab) from_gitlab.insert(i["fingerprint"].get<std::string>());
    CHECK(!from_sarif.empty());
    CHECK(from_sarif == from_gitlab);
    CHECK(breakwater::test::read_file(dir + "/junit.xml").find("<testsuites") != std::string::npos);
    // Two reports cannot share stdout.
    const auto clash =
        run_cli(kExample, {"check", "v1", "v2", "--format", "json", "--format", "text"});
    CHECK(clash.status == 2);
    CHECK(count_lines(clash.err) == 1);
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("init writes a starter config that loads") {
    char tmpl[] = "/tmp/bw-cli-init-XXXXXX";
    const std::string dir = mkdtemp(tmpl);
    CHECK(run_cli(dir, {"init"}).status == 0);
    CHECK(run_cli(dir, {"init"}).status == 2);  // never overwrites silently
    CHECK(run_cli(dir, {"init", "--force"}).status == 0);
    std::filesystem::create_directories(dir + "/old");
    std::filesystem::create_directories(dir + "/new");
    breakwater::test::write_file(dir + "/old/a.proto", "syntax = \"proto3\";\nmessage A {}\n");
    breakwater::test::write_file(dir + "/new/a.proto", "syntax = \"proto3\";\nmessage A {}\n");
    const auto run = run_cli(dir, {"check", "old", "new"});
    CHECK_MESSAGE(run.status == 0, run.err);
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("rules, explain and dump") {
    const auto rules = run_cli(kExample, {"rules", "--lang", "proto"});
    CHECK(rules.status == 0);
    CHECK(count_lines(rules.out) == 64);
    const auto explain = run_cli(kExample, {"explain", "FIELD_NO_DELETE"});
    CHECK(explain.status == 0);
    CHECK(explain.out.find("Why it breaks") != std::string::npos);
    const auto dump = run_cli(kExample, {"dump", "v1"});
    CHECK(dump.status == 0);
    CHECK(nlohmann::json::parse(dump.out)["roots"].size() == 2);
  }

  TEST_CASE("FileDescriptorSets give the same findings, at the same lines, as the trees") {
    const std::string protoc = BREAKWATER_PROTOC;
    if (protoc.empty()) {
      MESSAGE("protoc not found; skipped");
      return;
    }
    namespace fs = std::filesystem;
    const fs::path root = fs::path(breakwater::test::source_dir()) / "testdata" / "protobuf";
    for (const char* id : {"FILE_SAME_GO_PACKAGE", "FIELD_SAME_TYPE", "RPC_SAME_IDEMPOTENCY_LEVEL",
                           "FIELD_SAME_DEFAULT", "MESSAGE_NO_DELETE"}) {
      CAPTURE(id);
      const fs::path dir = root / id;
      std::vector<std::string> sets;
      for (const char* side : {"old", "new"}) {
        std::string files;
        for (const auto& e : fs::recursive_directory_iterator(dir / side)) {
          if (e.path().extension() == ".proto")
            files += " " + e.path().lexically_relative(dir / side).string();
        }
        const std::string out = "/tmp/bw-set-" + std::to_string(getpid()) + "-" + side + ".binpb";
        const std::string cmd = "cd " + (dir / side).string() + " && " + protoc +
                                " -I . --include_imports --include_source_info -o " + out + files;
        REQUIRE(std::system(cmd.c_str()) == 0);
        sets.push_back(out);
      }
      auto findings = [](const std::string& json, const std::string& strip) {
        std::vector<std::string> out;
        const auto doc = nlohmann::json::parse(json);
        for (const auto& f : doc["findings"]) {
          std::string path = f["new"]["path"];
          if (path.rfind(strip, 0) == 0) path = path.substr(strip.size());
          out.push_back(f["rule_id"].get<std::string>() + " " + path + ":" +
                        std::to_string(f["new"]["line"].get<int>()) + ":" +
                        std::to_string(f["new"]["column"].get<int>()));
        }
        return out;
      };
      const auto from_trees = run_cli(dir.string(), {"check", "old", "new", "--format", "json"});
      const auto from_sets = run_cli(dir.string(), {"check", sets[0], sets[1], "--format", "json"});
      CHECK(from_sets.status == from_trees.status);
      CHECK(findings(from_sets.out, "") == findings(from_trees.out, "new/"));
    }
  }

  TEST_CASE("output is byte-identical with one and many threads") {
    for (const char* format : {"text", "json", "sarif"}) {
      const auto one =
          run_cli(kExample, {"check", "v1", "v2", "--use", "FILE,PACKAGE,WIRE_JSON,WIRE", "-j", "1",
                             "--format", format});
      const auto many =
          run_cli(kExample, {"check", "v1", "v2", "--use", "FILE,PACKAGE,WIRE_JSON,WIRE", "-j", "8",
                             "--format", format});
      CHECK(one.out == many.out);
    }
  }
}
