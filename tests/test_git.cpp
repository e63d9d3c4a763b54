// Git inputs and whole-repository mode, in throwaway repositories built with the git CLI (the
// product itself reads git only through libgit2).
#include "cli_runner.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;
using breakwater::test::run_cli;
using breakwater::test::write_file;

namespace {

const char* kV1 = R"(syntax = "proto3";

package acme.user.v1;

message User {
  string id = 1;
  string email = 3;
}
)";

const char* kV2 = R"(syntax = "proto3";

package acme.user.v1;

message User {
  string id = 1;
}
)";

class Repo {
 public:
  Repo() {
    char tmpl[] = "/tmp/bw-git-test-XXXXXX";
    dir_ = mkdtemp(tmpl);
    git("init -q -b main .");
  }
  ~Repo() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const std::string& dir() const { return dir_; }
  void put(const std::string& path, const std::string& text) const {
    fs::create_directories((fs::path(dir_) / path).parent_path());
    write_file(dir_ + "/" + path, text);
  }
  void git(const std::string& args) const {
    const std::string cmd = "cd '" + dir_ +
                            "' && git -c user.name=t -c user.email=t@example.com "
                            "-c commit.gpgsign=false -c init.defaultBranch=main " +
                            args + " >/dev/null 2>&1";
    REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
  }
  void commit(const std::string& message) const {
    git("add -A && git -c user.name=t -c user.email=t@example.com commit -q -m '" + message + "'");
  }

 private:
  std::string dir_;
};

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_SUITE("git") {
  TEST_CASE("NEW --against a ref: HEAD, tags, HEAD~1, git:REF:PATH") {
    Repo repo;
    repo.put("proto/acme/user/v1/user.proto", kV1);
    repo.commit("v1");
    repo.git("tag v1.0.0");
    repo.put("proto/acme/user/v1/user.proto", kV2);

    auto run = run_cli(repo.dir(), {"check", "proto", "--against", "HEAD"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    CHECK(has(run.out, "proto/acme/user/v1/user.proto:5:1: error[FIELD_NO_DELETE]"));
    CHECK(has(run.out, "old: proto/acme/user/v1/user.proto:7:3"));
    CHECK(run.err.empty());

    // The repository root as NEW, and a run from a subdirectory: paths stay repository-relative.
    run = run_cli(repo.dir(), {"check", ".", "--against", "HEAD"});
    CHECK(run.status == 1);
    run = run_cli(repo.dir() + "/proto", {"check", ".", "--against", "v1.0.0"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    CHECK(has(run.out, "proto/acme/user/v1/user.proto:5:1: error[FIELD_NO_DELETE]"));

    repo.commit("v2");
    CHECK(run_cli(repo.dir(), {"check", "proto", "--against", "HEAD"}).status == 0);
    CHECK(run_cli(repo.dir(), {"check", "proto", "--against", "HEAD~1"}).status == 1);
    CHECK(run_cli(repo.dir(), {"check", "proto", "--against", "v1.0.0"}).status == 1);
    run = run_cli(repo.dir(), {"check", "git:v1.0.0:proto", "proto"});
    CHECK(run.status == 1);
    run = run_cli(repo.dir(), {"check", "git:v1.0.0:proto", "git:main:proto"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    run = run_cli(repo.dir(), {"check", "git:main:proto", "git:v1.0.0:proto"});
    CHECK(run.status == 0);  // adding a field back is compatible
    // The working tree, the index and HEAD are untouched by reading other commits.
    CHECK(breakwater::test::read_file(repo.dir() + "/proto/acme/user/v1/user.proto") == kV2);
  }

  TEST_CASE("a missing ref or path exits 2 with the fix") {
    Repo repo;
    repo.put("proto/a.proto", "syntax = \"proto3\";\nmessage A {}\n");
    repo.commit("one");
    auto run = run_cli(repo.dir(), {"check", "proto", "--against", "main~3"});
    CHECK(run.status == 2);
    CHECK(has(run.err, "main~3"));
    run = run_cli(repo.dir(), {"check", "proto", "--against", "origin/main"});
    CHECK(run.status == 2);
    CHECK(has(run.err, "git fetch --depth=1 'origin' '+refs/heads/main:refs/remotes/origin/main'"));
    run = run_cli(repo.dir(), {"check", "git:main:nowhere", "proto"});
    CHECK(run.status == 2);
    CHECK(has(run.err, "nowhere: error: no such path in git:main"));
    run = run_cli("/tmp", {"check", "x", "--against", "main"});
    CHECK(run.status == 2);

    // A shallow clone lacks HEAD~1: the hint says how to deepen it.
    repo.put("proto/a.proto", "syntax = \"proto3\";\nmessage A { int32 x = 1; }\n");
    repo.commit("two");
    Repo clone;
    clone.git("fetch -q --depth=1 file://" + repo.dir() + " main && git checkout -q FETCH_HEAD");
    run = run_cli(clone.dir(), {"check", "proto", "--against", "HEAD~1"});
    CHECK(run.status == 2);
    CHECK_MESSAGE(has(run.err, "shallow"), run.err);
  }

  TEST_CASE("whole-repository mode: every module, its own options, one report") {
    Repo repo;
    repo.put("breakwater.yaml",
             "version: 1\n"
             "modules:\n"
             "  - path: svc-a/proto\n"
             "    use: [WIRE]\n"
             "  - path: svc-b\n"
             "    use: [FILE]\n"
             "    severity: {FIELD_NO_DELETE: warning}\n");
    repo.put("svc-a/proto/acme/user/v1/user.proto", kV1);
    repo.put("svc-b/acme/user/v1/user.proto", kV1);
    repo.commit("v1");
    repo.put("svc-a/proto/acme/user/v1/user.proto", kV2);
    repo.put("svc-b/acme/user/v1/user.proto", kV2);
    auto run = run_cli(repo.dir(), {"check", "--against", "HEAD", "--format", "json"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    const auto doc = nlohmann::json::parse(run.out);
    std::set<std::string> seen;
    for (const auto& f : doc["findings"]) {
      seen.insert(f["rule_id"].get<std::string>() + " " + f["severity"].get<std::string>() + " " +
                  f["new"]["path"].get<std::string>());
    }
    CHECK(seen == std::set<std::string>{"FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED error "
                                        "svc-a/proto/acme/user/v1/user.proto",
                                        "FIELD_NO_DELETE warning svc-b/acme/user/v1/user.proto"});

    // Without modules: discovery by extension finds both package roots.
    repo.put("breakwater.yaml", "version: 1\n");
    run = run_cli(repo.dir(), {"check", "--against", "HEAD"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    CHECK(has(run.out, "svc-a/proto/acme/user/v1/user.proto:5:1: error[FIELD_NO_DELETE]"));
    CHECK(has(run.out, "svc-b/acme/user/v1/user.proto:5:1: error[FIELD_NO_DELETE]"));

    // A module that is new in the working tree has nothing to break.
    repo.put("svc-c/acme/user/v1/user.proto", kV2);
    CHECK(run_cli(repo.dir(), {"check", "--against", "HEAD"}).status == 1);
    repo.put("svc-a/proto/acme/user/v1/user.proto", kV1);
    repo.put("svc-b/acme/user/v1/user.proto", kV1);
    run = run_cli(repo.dir(), {"check", "--against", "HEAD"});
    CHECK_MESSAGE(run.status == 0, run.out << run.err);
  }

  TEST_CASE("C++ modules: include directories in compile flags are read from the commit") {
    Repo repo;
    repo.put("breakwater.yaml",
             "version: 1\n"
             "modules:\n"
             "  - path: include\n"
             "    lang: cpp\n"
             "    compile_flags: [-Ishared]\n");
    repo.put("shared/common/types.h", "#pragma once\ntypedef int id_type;\n");
    repo.put("include/lib.h",
             "#pragma once\n#include \"common/types.h\"\nstruct Record { id_type id; int n; };\n");
    repo.commit("v1");
    CHECK(run_cli(repo.dir(), {"check", "--against", "HEAD"}).status == 0);
    // Only the shared header changes: the commit's copy must be the OLD side's.
    repo.put("shared/common/types.h", "#pragma once\ntypedef long long id_type;\n");
    const auto run = run_cli(repo.dir(), {"check", "--against", "HEAD", "--color", "never"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    CHECK(has(run.out, "include/lib.h:3:8: error[RECORD_LAYOUT_NO_CHANGE]: `Record` changed size"));
  }

  // Path options a format declares per side (JSON Schema's ref_map) name each commit's own copy,
  // from the config or the command line alike.
  TEST_CASE("JSON Schema modules: ref_map copies are read from the commit") {
    Repo repo;
    repo.put("breakwater.yaml",
             "version: 1\n"
             "modules:\n"
             "  - path: schemas\n"
             "    lang: jsonschema\n"
             "    ref_map:\n"
             "      \"https://example.com/s/\": vendor/\n");
    repo.put("schemas/a.schema.json",
             R"({"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "properties": {"x": {"$ref": "https://example.com/s/t.json"}}})");
    repo.put("vendor/t.json", R"({"type": "string"})");
    repo.commit("v1");
    CHECK(run_cli(repo.dir(), {"check", "--against", "HEAD"}).status == 0);
    // Only the vendored copy changes: OLD must read the commit's copy, NEW the working tree's.
    repo.put("vendor/t.json", R"({"type": "string", "maxLength": 3})");
    auto run = run_cli(repo.dir(), {"check", "--against", "HEAD", "--color", "never"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    CHECK(has(run.out, "error[MAX_LENGTH_NO_DECREASE]"));
  }

  TEST_CASE("JSON Schema modules: --ref-map copies are read from the commit too") {
    Repo repo;
    repo.put("schemas/a.schema.json",
             R"({"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "properties": {"x": {"$ref": "https://example.com/s/t.json"}}})");
    repo.put("vendor/t.json", R"({"type": "string"})");
    repo.commit("v1");
    const std::vector<std::string> args = {"check", "schemas", "--against", "HEAD", "--color",
                                           "never", "--ref-map", "https://example.com/s/=vendor/"};
    auto run = run_cli(repo.dir(), args);
    CHECK_MESSAGE(run.status == 0, run.out << run.err);
    repo.put("vendor/t.json", R"({"type": "integer"})");
    run = run_cli(repo.dir(), args);
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    CHECK(has(run.out, "error[TYPE_NO_NARROW]"));
  }

  // Issue 14: a tree of several formats is compared format by format, never protobuf alone.
  TEST_CASE("git:v1 git:v2 and whole-repository mode compare every format, include/ headers too") {
    Repo repo;
    repo.put("proto/acme/user/v1/user.proto", kV1);
    repo.put("db/schema.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
    repo.put("lib/include/lib.h", "#pragma once\nint area(int w, int h);\n");
    repo.commit("v1");
    repo.git("tag v1");
    repo.put("db/schema.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n");
    repo.put("lib/include/lib.h", "#pragma once\nint area(long w, long h);\n");
    repo.commit("v2");
    repo.git("tag v2");
    auto run = run_cli(repo.dir(), {"check", "git:v1", "git:v2", "--color", "never"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    CHECK(has(run.out, "error[COLUMN_NO_DELETE]"));
    // The headers sit beside other contracts: their include/ folder is a module of its own.
    CHECK(has(run.out, "Compared git:v1/lib/include \u2192 git:v2/lib/include as cpp"));
    CHECK(has(run.out, "error[FUNCTION_PROTOTYPE_NO_CHANGE]"));
    // Whole-repository mode finds the include/ root.
    run = run_cli(repo.dir(), {"check", "--against", "v1", "--color", "never"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    CHECK(has(run.out, "error[COLUMN_NO_DELETE]"));
    CHECK(has(run.out, "lib/include/lib.h"));
    // --except naming one format's rule leaves the other formats alone.
    run = run_cli(repo.dir(), {"check", "git:v1", "git:v2", "--except", "COLUMN_NO_DELETE",
                               "--except", "FUNCTION_PROTOTYPE_NO_CHANGE"});
    CHECK_MESSAGE(run.status == 0, run.out << run.err);
    // --lang restricts.
    run = run_cli(repo.dir(), {"check", "git:v1", "git:v2", "--lang", "proto"});
    CHECK_MESSAGE(run.status == 0, run.out << run.err);
  }

  // Issue 14: a branch behind main must not report main's new field as deleted by the branch.
  TEST_CASE("--against BRANCH compares with the merge base; --against-mode exact with its tip") {
    Repo repo;
    repo.put("proto/acme/user/v1/user.proto", kV1);
    repo.commit("v1");
    repo.git("checkout -q -b feature");
    repo.put("proto/acme/user/v1/notes.proto", "syntax = \"proto3\";\npackage acme.user.v1;\n");
    repo.commit("feature work");
    repo.git("checkout -q main");
    // main moves on: a field is added there after the branch point.
    std::string with_field = kV1;
    const size_t close = with_field.rfind('}');
    with_field.insert(close, "  string nickname = 9;\n");
    repo.put("proto/acme/user/v1/user.proto", with_field);
    repo.commit("main adds a field");
    repo.git("checkout -q feature");
    auto run = run_cli(repo.dir(), {"check", "proto", "--against", "main", "--color", "never"});
    CHECK_MESSAGE(run.status == 0, run.out << run.err);
    CHECK(has(run.out, "git:main (merge base "));
    run = run_cli(repo.dir(), {"check", "proto", "--against", "main", "--against-mode", "exact",
                               "--color", "never"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    CHECK(has(run.out, "error[FIELD_NO_DELETE]"));
    // A tag is always compared exactly.
    repo.git("tag v-main main");
    run = run_cli(repo.dir(), {"check", "proto", "--against", "v-main"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
  }

  // Issue 14: the fetch hint works when pasted into a shallow single-branch clone.
  TEST_CASE("fetch hints, pasted as printed, make the ref available") {
    Repo origin;
    origin.put("proto/acme/user/v1/user.proto", kV1);
    origin.commit("v1");
    origin.git("tag v1");
    origin.git("checkout -q -b feature");
    origin.put("proto/acme/user/v1/user.proto", kV2);
    origin.commit("feature");
    char tmpl[] = "/tmp/bw-git-clone-XXXXXX";
    const std::string clone = mkdtemp(tmpl);
    auto in_clone = [&](const std::string& cmd) {
      return std::system(("cd '" + clone + "' && " + cmd + " >/dev/null 2>&1").c_str());
    };
    REQUIRE(in_clone("git clone -q --depth 1 --single-branch --no-tags --branch feature 'file://" +
                     origin.dir() + "' .") == 0);
    auto run = run_cli(clone, {"check", "proto", "--against", "v1"});
    CHECK(run.status == 2);
    const std::string tag_fetch = "git fetch --depth=1 origin '+refs/tags/v1:refs/tags/v1'";
    CHECK_MESSAGE(has(run.err, tag_fetch), run.err);
    CHECK(in_clone(tag_fetch) == 0);
    run = run_cli(clone, {"check", "proto", "--against", "v1"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    run = run_cli(clone, {"check", "proto", "--against", "main"});
    CHECK(run.status == 2);
    const std::string branch_fetch =
        "git fetch --depth=1 origin '+refs/heads/main:refs/remotes/origin/main'";
    CHECK_MESSAGE(has(run.err, branch_fetch), run.err);
    CHECK(has(run.err, "then --against 'origin/main'"));
    CHECK(in_clone(branch_fetch) == 0);
    run = run_cli(clone, {"check", "proto", "--against", "origin/main"});
    CHECK_MESSAGE(run.status != 2, run.out << run.err);
    std::error_code ec;
    fs::remove_all(clone, ec);
  }

  TEST_CASE("baseline write, then --baseline hides exactly those findings") {
    Repo repo;
    repo.put("proto/acme/user/v1/user.proto", kV1);
    repo.commit("v1");
    repo.put("proto/acme/user/v1/user.proto", kV2);
    auto run = run_cli(repo.dir(), {"baseline", "write", "bl.json", "proto", "--against", "HEAD"});
    CHECK_MESSAGE(run.status == 0, run.err);
    run = run_cli(repo.dir(), {"check", "proto", "--against", "HEAD", "--baseline", "bl.json"});
    CHECK_MESSAGE(run.status == 0, run.out << run.err);
    CHECK(has(run.out, "1 suppressed"));
  }

  TEST_CASE("whole-repository mode: deleted modules, nested roots, ignored files, buf workspaces") {
    Repo repo;
    repo.put("a/acme/user/v1/user.proto", kV1);
    repo.put("b/acme/user/v1/user.proto", kV1);
    // A module whose imports resolve from a vendored root nested inside it.
    repo.put("proto/acme/v1/m.proto",
             "syntax = \"proto3\";\npackage acme.v1;\nimport \"g/t/d.proto\";\n"
             "message M { g.t.D d = 1; }\n");
    repo.put("proto/vendor/g/t/d.proto",
             "syntax = \"proto3\";\npackage g.t;\nmessage D { string a = 1; }\n");
    // A buf v2 workspace whose modules import each other.
    repo.put("ws/buf.yaml", "version: v2\nmodules:\n  - path: api\n  - path: lib\n");
    repo.put("ws/api/x/v1/x.proto",
             "syntax = \"proto3\";\npackage x.v1;\nimport \"y/v1/y.proto\";\n"
             "message X { y.v1.Y y = 1; }\n");
    repo.put("ws/lib/y/v1/y.proto", "syntax = \"proto3\";\npackage y.v1;\nmessage Y {}\n");
    repo.put(".gitignore", "gen/\n");
    repo.commit("v1");
    auto run = run_cli(repo.dir(), {"check", "--against", "HEAD"});
    CHECK_MESSAGE(run.status == 0, run.out << run.err);

    // Generated files git ignores stay out of the NEW side, as they are out of the commit.
    repo.put("proto/gen/acme/v1/m.proto", "syntax = \"proto3\";\npackage acme.v1;\nmessage M {}\n");
    run = run_cli(repo.dir(), {"check", "--against", "HEAD"});
    CHECK_MESSAGE(run.status == 0, run.out << run.err);

    // A module deleted from the working tree is found on the OLD side and reported.
    repo.git("rm -q -r b");
    run = run_cli(repo.dir(), {"check", "--against", "HEAD"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    CHECK(has(run.out, "[FILE_NO_DELETE]"));
    CHECK(has(run.out, "b/acme/user/v1/user.proto"));
    CHECK_FALSE(has(run.out, "breakwater-git-"));  // no temporary path leaks

    // Run from a subdirectory: the config at the root still decides, paths stay repo-relative.
    run = run_cli(repo.dir() + "/proto", {"check", "--against", "HEAD"});
    CHECK(run.status == 1);
    CHECK(has(run.out, "b/acme/user/v1/user.proto"));
  }

  TEST_CASE("symbolic links, annotated tags, empty repositories, local names of remote branches") {
    Repo repo;
    repo.put("shared/common.proto", "syntax = \"proto3\";\nmessage C { int32 a = 1; }\n");
    repo.put("p/x.proto",
             "syntax = \"proto3\";\nimport \"common.proto\";\nmessage X { C c = 1; }\n");
    REQUIRE(std::system(
                ("ln -s ../shared/common.proto '" + repo.dir() + "/p/common.proto'").c_str()) == 0);
    repo.commit("v1");
    repo.git("tag -a -m release v1.0.0");
    // The link resolves inside the commit as it does in the working tree.
    auto run = run_cli(repo.dir(), {"check", "p", "--against", "v1.0.0"});
    CHECK_MESSAGE(run.status == 0, run.out << run.err);
    // A link out of the repository is refused, never read.
    REQUIRE(std::system(("ln -s /etc/hostname '" + repo.dir() + "/p/evil.proto'").c_str()) == 0);
    run = run_cli(repo.dir(), {"check", "p", "--against", "HEAD"});
    CHECK(run.status == 2);
    CHECK_MESSAGE(has(run.err, "p/evil.proto: error: symbolic link points outside"), run.err);
    fs::remove(repo.dir() + "/p/evil.proto");

    // `main` when only origin/main exists (a CI checkout).
    repo.git(
        "update-ref refs/remotes/origin/main HEAD && git checkout -q --detach && git branch -q -D "
        "main");
    run = run_cli(repo.dir(), {"check", "p", "--against", "main"});
    CHECK(run.status == 2);
    CHECK_MESSAGE(has(run.err, "did you mean --against 'origin/main'?"), run.err);
    CHECK(run_cli(repo.dir(), {"check", "p", "--against", "origin/main"}).status == 0);

    // Before the first commit, a pre-commit hook's whole-repository run has nothing to break.
    Repo empty;
    empty.put("a/x.proto", "syntax = \"proto3\";\nmessage X {}\n");
    run = run_cli(empty.dir(), {"check", "--against", "HEAD"});
    CHECK_MESSAGE(run.status == 0, run.out << run.err);
    run = run_cli(empty.dir(), {"check", "--against", "main"});
    CHECK(run.status == 2);
    CHECK(has(run.err, "no commits yet"));
  }

  // Issue 14: a single file in a commit comes with its folder; a subfolder whose imports need a
  // parent root is told which; -I is resolved on each side.
  TEST_CASE("git single-file inputs, import-root hints and -I per side") {
    Repo repo;
    repo.put("schemas/a.json",
             R"({"type": "object", "properties": {"c": {"$ref": "common.json"}}})");
    repo.put("schemas/common.json", R"({"type": "string", "maxLength": 10})");
    repo.put("proto/acme/common/c.proto",
             "syntax = \"proto3\";\npackage acme.common;\nmessage C { string a = 1; }\n");
    repo.put("proto/acme/v1/u.proto",
             "syntax = \"proto3\";\npackage acme.v1;\nimport \"acme/common/c.proto\";\n"
             "message U { acme.common.C c = 1; }\n");
    repo.commit("v1");
    repo.git("tag v1");
    repo.put("schemas/common.json", R"({"type": "string", "maxLength": 5})");
    repo.commit("v2");
    repo.git("tag v2");
    auto run = run_cli(repo.dir(), {"check", "git:v1:schemas/a.json", "git:v2:schemas/a.json"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    CHECK(has(run.out, "error[MAX_LENGTH_NO_DECREASE]"));

    run = run_cli(repo.dir(), {"check", "git:v1:proto/acme/v1", "git:v2:proto/acme/v1"});
    CHECK(run.status == 2);
    CHECK_MESSAGE(has(run.err, "it is under proto: add -I proto, or compare proto itself"),
                  run.err);

    // NEW renames C to D in the working tree. OLD must import its own c.proto through -I (with
    // NEW's, OLD's u.proto would not even link).
    repo.put("proto/acme/common/c.proto",
             "syntax = \"proto3\";\npackage acme.common;\nmessage D { string a = 1; }\n");
    repo.put("proto/acme/v1/u.proto",
             "syntax = \"proto3\";\npackage acme.v1;\nimport \"acme/common/c.proto\";\n"
             "message U { acme.common.D c = 1; }\n");
    run = run_cli(repo.dir(),
                  {"check", "proto/acme/v1", "--against", "v2", "-I", "proto", "--color", "never"});
    CHECK_MESSAGE(run.status == 1, run.out << run.err);
    CHECK(has(run.out, "error[FIELD_SAME_TYPE]"));
  }
}
