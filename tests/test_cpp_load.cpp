// The C++ loader's model and its compile-flag policy, checked on small headers: what the golden
// outputs only show through messages.
#include <breakwater/check.hpp>

#include "cli_runner.hpp"
#include "formats/cpp/flags.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace {

const breakwater::Entity* find(const breakwater::Schema& s, std::string_view kind,
                               std::string_view key) {
  for (const auto& e : s.roots.front().children) {
    if (e.kind == kind && e.key == key) return &e;
  }
  return nullptr;
}

breakwater::Schema load_header(const std::string& text) {
  char tmpl[] = "/tmp/bw-cpp-load-XXXXXX";
  const fs::path dir = mkdtemp(tmpl);
  breakwater::test::write_file((dir / "lib.h").string(), text);
  breakwater::LoadOptions options;
  options.lang = "cpp";
  breakwater::Schema s = breakwater::load_schema(dir.string(), options);
  fs::remove_all(dir);
  return s;
}

}  // namespace

TEST_SUITE("cpp_load") {
  TEST_CASE("records carry their layout and own vtable slots") {
    const auto s = load_header(R"(#pragma once
namespace demo {
struct Base { virtual ~Base(); virtual void f(); int a; };
struct Derived : Base { void f() override; virtual int g(int) const; char c; };
struct Token { int v; ~Token(); };
}
)");
    const auto* base = find(s, "record", "demo::Base");
    REQUIRE(base != nullptr);
    CHECK(base->num("size") == 16);
    CHECK(base->str("virtuals") ==
          "~Base()\x1f"
          "f()");
    const auto* derived = find(s, "record", "demo::Derived");
    REQUIRE(derived != nullptr);
    CHECK(derived->str("virtuals") == "g(int) const");  // f overrides: no new slot
    CHECK(find(s, "record", "demo::Token")->flag("call_in_memory"));
    const auto* g = find(s, "function", "demo::Derived::g(int) const");
    REQUIRE(g != nullptr);
    CHECK(g->str("mangled") == "_ZNK4demo7Derived1gEi");
    CHECK(g->str("return") == "int");
  }

  TEST_CASE("defaults, constants and macros") {
    const auto s = load_header(R"(#pragma once
#define DEMO_LIMIT (4 * 16)
namespace demo {
constexpr int kMax = 100;
void open(const char* path, int mode = 0, bool sync = false);
enum class Mode : unsigned char { Read = 1, Write = 4 };
}
)");
    CHECK(find(s, "function", "demo::open(const char *, int, bool)")->num("defaults") == 2);
    CHECK(find(s, "variable", "demo::kMax")->str("value") == "100");
    CHECK(find(s, "macro", "DEMO_LIMIT")->str("value") == "( 4 * 16 )");
    const auto* mode = find(s, "enum", "demo::Mode");
    REQUIRE(mode != nullptr);
    CHECK(mode->str("underlying") == "unsigned char");
    CHECK(mode->children.size() == 2);
  }

  TEST_CASE("C idioms and members passed in memory") {
    const auto s = load_header(R"(#pragma once
#include <memory>
typedef struct { int x; union { int i; float f; }; } Pair;
typedef enum { kOff, kOn = 3 } Switch;
struct Impl;
struct Widget { std::unique_ptr<Impl> p; };
struct Plain { int a; double b; };
)");
    const auto* pair = find(s, "record", "Pair");
    REQUIRE(pair != nullptr);
    CHECK(pair->num("size") == 8);
    for (const auto& f : pair->children) CHECK(f.str("type").find(" at ") == std::string::npos);
    REQUIRE(find(s, "enum", "Switch") != nullptr);
    CHECK(find(s, "enum", "Switch")->children.back().num("value") == 3);
    // A unique_ptr member already sends Widget through memory: adding ~Widget() changes nothing.
    CHECK(find(s, "record", "Widget")->flag("call_in_memory"));
    CHECK_FALSE(find(s, "record", "Plain")->flag("call_in_memory"));
  }

  TEST_CASE("flags that load code or reach outside the repository are refused") {
    using breakwater::cpp::refused_flag;
    CHECK_FALSE(refused_flag({"-DX=1", "-Iinclude", "-std=c++20", "-Wall"}, "/repo"));
    for (const char* bad :
         {"-Xclang", "-fplugin=/x.so", "-fpass-plugin=/x.so", "-B/evil", "--config=/etc/x.cfg",
          "@/tmp/args", "-load", "-MJ/tmp/x", "-MMD", "--output=/tmp/x", "-include-pch",
          "-ivfsoverlay", "-mllvm", "--prefix=/x", "--include=/etc/passwd"}) {
      CAPTURE(bad);
      CHECK(refused_flag({"-DX=1", bad}, "/repo").has_value());
    }
    CHECK(refused_flag({"-include", "/etc/passwd"}, "/repo").has_value());
    CHECK(refused_flag({"-include", "../../etc/passwd"}, "/repo").has_value());
    CHECK_FALSE(refused_flag({"-isystem", "/usr/include/x", "-D", "A=1", "-fno-exceptions",
                              "-march=x86-64", "-Wno-deprecated"},
                             "/repo"));
    CHECK_FALSE(refused_flag({"-include", "config.h"}, "/repo"));
  }
}
