// The protobuf loader: what it builds, where it locates things, and how it refuses bad input.
#include <breakwater/check.hpp>
#include <breakwater/report.hpp>

#include "cli_runner.hpp"

#include "formats/protobuf/unstable.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using breakwater::Entity;
using breakwater::InputError;
using breakwater::LoadOptions;

namespace {

const Entity* child(const Entity& e, std::string_view kind, std::string_view key) {
  for (const Entity& c : e.children) {
    if (c.kind == kind && c.key == key) return &c;
  }
  return nullptr;
}

// A scratch directory of .proto files for error cases.
struct Scratch {
  fs::path dir;
  Scratch() {
    char tmpl[] = "/tmp/bw-load-XXXXXX";
    dir = mkdtemp(tmpl);
  }
  ~Scratch() { fs::remove_all(dir); }
  void put(const std::string& name, const std::string& text) const {
    fs::create_directories((dir / name).parent_path());
    breakwater::test::write_file((dir / name).string(), text);
  }
  std::string path(const std::string& name = "") const { return (dir / name).string(); }
};

std::string load_error(const std::string& path, LoadOptions options = {}) {
  try {
    breakwater::load_schema(path, options);
  } catch (const InputError& e) {
    return e.one_line();
  }
  return "no error";
}

const std::string kExample = breakwater::test::source_dir() + "/examples/protobuf";

}  // namespace

TEST_SUITE("protobuf_load") {
  TEST_CASE("a directory becomes files, messages, fields with attributes and positions") {
    const auto schema = breakwater::load_schema(kExample + "/v1", {});
    CHECK(schema.format == "protobuf");
    REQUIRE(schema.roots.size() == 2);  // well-known imports are not inputs
    const Entity& user_file = schema.roots[1];
    CHECK(user_file.key == "acme/user/v1/user.proto");
    CHECK(user_file.str("package") == "acme.user.v1");
    CHECK(user_file.str("go_package") == "github.com/acme/api/user/v1;userv1");
    const Entity* user = child(user_file, "message", "User");
    REQUIRE(user != nullptr);
    CHECK(user->name == "acme.user.v1.User");
    const auto where = schema.resolve(user->loc);
    CHECK(where.file.ends_with("examples/protobuf/v1/acme/user/v1/user.proto"));
    CHECK(where.line == 10);
    CHECK(where.column == 1);
    const Entity* email = child(*user, "field", "3");
    REQUIRE(email != nullptr);
    CHECK(email->str("name") == "email");
    CHECK(email->str("type") == "string");
    CHECK_FALSE(email->has("json_name"));  // only an explicit json_name is kept
    CHECK(email->str("cardinality") == "optional_implicit");
    CHECK(schema.resolve(email->loc).line == 13);
    CHECK(schema.resolve(email->loc).column == 3);
    const Entity* created = child(*user, "field", "6");
    REQUIRE(created != nullptr);
    CHECK(created->str("type_name") == "google.protobuf.Timestamp");
    CHECK(created->str("cardinality") == "optional_explicit");
    const Entity* labels = child(*user, "field", "7");
    REQUIRE(labels != nullptr);
    CHECK(labels->str("cardinality") == "map");
    CHECK(labels->str("map_key") == "string");
    const Entity* entry = child(*user, "message", "User.LabelsEntry");
    REQUIRE(entry != nullptr);
    CHECK(entry->flag("map_entry"));
    CHECK(schema.resolve(entry->loc).line == schema.resolve(labels->loc).line);
  }

  TEST_CASE("a single file is loaded with imports resolved from its directory or -I") {
    const auto schema = breakwater::load_schema(kExample + "/v1/acme/user/v1/user.proto", {});
    REQUIRE(schema.roots.size() == 1);
    CHECK(schema.roots[0].key == "user.proto");
    LoadOptions with_root;
    with_root.include_paths = {kExample + "/v1"};
    const auto order =
        breakwater::load_schema(kExample + "/v1/acme/order/v1/order.proto", with_root);
    REQUIRE(order.roots.size() == 1);
    CHECK(order.roots[0].key == "acme/order/v1/order.proto");
  }

  TEST_CASE("a FileDescriptorSet loads like the tree it was built from") {
    const std::string protoc = BREAKWATER_PROTOC;
    if (protoc.empty()) {
      MESSAGE("protoc not found; skipped");
      return;
    }
    Scratch s;
    const std::string cmd = protoc + " -I " + kExample +
                            "/v1 --include_imports --include_source_info -o " + s.path("set.bin") +
                            " acme/user/v1/user.proto acme/order/v1/order.proto";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const auto from_set = breakwater::load_schema(s.path("set.bin"), {});
    const auto from_dir = breakwater::load_schema(kExample + "/v1", {});
    // The set also holds google/protobuf/timestamp.proto, as an import: not checked.
    CHECK(from_set.roots.size() == 2);
    const Entity* user = nullptr;
    for (const Entity& f : from_set.roots) {
      if (f.key == "acme/user/v1/user.proto") user = child(f, "message", "User");
    }
    REQUIRE(user != nullptr);
    CHECK(from_set.resolve(user->loc).line == 10);
    CHECK(child(*user, "field", "3")->str("name") == "email");
    CHECK(from_dir.roots.size() == 2);
  }

  TEST_CASE("parse errors are located 1-based") {
    Scratch s;
    s.put("a.proto", "syntax = \"proto3\";\nmessage A {\n  int32 x = ;\n}\n");
    const std::string err = load_error(s.path());
    CHECK(err.find("a.proto:3:13: error:") != std::string::npos);
  }

  TEST_CASE("columns count characters, not bytes or tab stops") {
    Scratch s;
    s.put("a.proto", "syntax = \"proto3\";\nmessage A {\n\t\tint32 x = ;\n}\n");
    CHECK(load_error(s.path()).find("a.proto:3:13: error:") != std::string::npos);
    Scratch u;
    u.put("b.proto", "syntax = \"proto3\";\nmessage B { string s = 1 [json_name = \"\xc3\xa9\"]; int32 y = 2; }\n");
    const auto schema = breakwater::load_schema(u.path(), {});
    const Entity* y = child(*child(schema.roots[0], "message", "B"), "field", "2");
    REQUIRE(y != nullptr);
    CHECK(schema.resolve(y->loc).column == 45);  // the e-acute is one character, two bytes
  }

  TEST_CASE("missing import is reported at the import statement") {
    Scratch s;
    s.put("a.proto", "syntax = \"proto3\";\n\nimport \"nope/b.proto\";\n");
    const std::string err = load_error(s.path());
    CHECK_MESSAGE(
        err.find("a.proto:3:1: error: import \"nope/b.proto\" not found") != std::string::npos,
        err);
  }

  TEST_CASE("import cycles are refused with the cycle spelled out") {
    Scratch s;
    s.put("a.proto", "syntax = \"proto3\";\nimport \"b.proto\";\n");
    s.put("b.proto", "syntax = \"proto3\";\nimport \"a.proto\";\n");
    const std::string err = load_error(s.path());
    CHECK_MESSAGE(err.find("import cycle: ") != std::string::npos, err);
    CHECK_MESSAGE(err.find(".proto:2:1: error:") != std::string::npos, err);
  }

  TEST_CASE("duplicate symbols are located") {
    Scratch s;
    s.put("a.proto", "syntax = \"proto3\";\npackage p;\nmessage M {}\n");
    s.put("b.proto", "syntax = \"proto3\";\npackage p;\n\nmessage M {}\n");
    const std::string err = load_error(s.path());
    CHECK_MESSAGE(err.find("b.proto:4:9: error: \"p.M\" is already defined") != std::string::npos,
                  err);
  }

  TEST_CASE(
      "binary junk, truncated descriptor sets, missing paths and unsafe imports fail cleanly") {
    Scratch s;
    std::string junk;
    for (int i = 0; i < 512; ++i) junk += static_cast<char>((i * 37 + 11) % 256);
    s.put("junk/x.proto", junk);
    CHECK(load_error(s.path("junk")).find("x.proto:1:") != std::string::npos);
    s.put("set.binpb", std::string("\x0a\xff\x01\x0a\x05hello", 9));
    CHECK(load_error(s.path("set.binpb"))
              .find("set.binpb:1:1: error: not a .proto file and not a valid FileDescriptorSet") !=
          std::string::npos);
    CHECK(load_error(s.path("missing")).find("missing: error: no such file or directory") !=
          std::string::npos);
    s.put("up/a.proto", "syntax = \"proto3\";\nimport \"../secret.proto\";\n");
    CHECK(load_error(s.path("up"))
              .find("a.proto:2:1: error: import \"../secret.proto\" must be a relative path") !=
          std::string::npos);
    s.put("empty/readme.txt", "no protos here");
    CHECK(load_error(s.path("empty")).find("error:") != std::string::npos);
  }

  TEST_CASE("looping links: fatal when named .proto, skipped otherwise") {
    Scratch s;
    s.put("tree/a.proto", "syntax = \"proto3\";\nmessage A {}\n");
    fs::create_symlink("self", s.dir / "tree" / "self");
    CHECK(breakwater::load_schema(s.path("tree"), {}).roots.size() == 1);
    fs::create_symlink("loop.proto", s.dir / "tree" / "loop.proto");
    CHECK(load_error(s.path("tree")).find("loop.proto: error: cannot read") != std::string::npos);
  }

  TEST_CASE("deep nesting is refused, not a crash") {
    Scratch s;
    std::string text = "syntax = \"proto3\";\n";
    for (int i = 0; i < 5000; ++i) text += "message M" + std::to_string(i) + " {\n";
    for (int i = 0; i < 5000; ++i) text += "}\n";
    s.put("deep.proto", text);
    const std::string err = load_error(s.path());
    // Refused before libprotobuf's parser recurses (30,000 levels used to overflow its stack).
    CHECK_MESSAGE(
        err.find("deep.proto:102:14: error: nested deeper than 100 levels; refused") !=
            std::string::npos,
        err);
  }

  TEST_CASE("the model is identical with one and many threads") {
    LoadOptions one, many;
    one.jobs = 1;
    many.jobs = 4;
    CHECK(breakwater::dump_json(breakwater::load_schema(kExample + "/v2", one)) ==
          breakwater::dump_json(breakwater::load_schema(kExample + "/v2", many)));
  }

  TEST_CASE("buf's unstable package versions (ignore_unstable_packages)") {
    using breakwater::protobuf::unstable_version;
    for (const char* c : {"v1alpha", "v1alpha1", "v1beta", "v2beta3", "v1test", "v1testfoo",
                          "v1p1alpha", "v1p2beta4"}) {
      CHECK_MESSAGE(unstable_version(c), c);
    }
    for (const char* c : {"v1", "v10", "alpha", "v1alphax", "v1p1", "vbeta1", "internal", ""}) {
      CHECK_FALSE_MESSAGE(unstable_version(c), c);
    }
    breakwater::Finding f;
    f.entity = "acme.v1beta1.User.email";
    CHECK(breakwater::protobuf::in_unstable_package(f));
    f.entity = "acme.v1beta1.internal.User";  // buf looks at the last package component
    CHECK_FALSE(breakwater::protobuf::in_unstable_package(f));
    f.entity = "acme/v1alpha1/user.proto";
    CHECK(breakwater::protobuf::in_unstable_package(f));
    f.entity = "acme.v1.User";
    CHECK_FALSE(breakwater::protobuf::in_unstable_package(f));
  }
}
