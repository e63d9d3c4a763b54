// The C++ loader's model and its compile-flag policy, checked on small headers: what the golden
// outputs only show through messages.
#include <breakwater/check.hpp>

#include "cli_runner.hpp"
#include "formats/cpp/compile_db.hpp"
#include "formats/cpp/default_arguments.hpp"
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
struct Other { virtual void o(); };
struct Both : Base, Other { void f() override; void o() override; virtual void h(); };
struct Grand : Derived { int g(int) const override; void f() override; };
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
    // Itanium: an overrider of a secondary base's function also gets a primary-vtable slot;
    // overriders along the primary chain do not.
    CHECK(find(s, "record", "demo::Both")->str("virtuals") ==
          "o()\x1f"
          "h()");
    CHECK_FALSE(find(s, "record", "demo::Grand")->has("virtuals"));
    const auto* g = find(s, "function", "demo::Derived::g(int) const");
    REQUIRE(g != nullptr);
    CHECK(g->str("mangled") == "_ZNK4demo7Derived1gEi");
    CHECK(g->str("return") == "int");
  }

  TEST_CASE("defaults, constants and macros") {
    const auto s = load_header(R"(#pragma once
#define DEMO_LIMIT (4 * 16)
#define DEMO_SCALE(x) ((x) * 2)
#define DEMO_TWICE DEMO_SCALE(DEMO_LIMIT)
#define DEMO_NAME "demo"
#define DEMO_SUM 8 + 8
#define DEMO_EXPORT __attribute__((visibility("default")))
#define DEMO_API DEMO_EXPORT
#define DEMO_SELF DEMO_SELF DEMO_EXPORT
namespace demo {
constexpr int kMax = 100;
void open(const char* path, int mode = 0, bool sync = false);
enum class Mode : unsigned char { Read = 1, Write = 4 };
}
)");
    const auto* open = find(s, "function", "demo::open(const char *, int, bool)");
    REQUIRE(open != nullptr);
    CHECK(open->num("defaults") == 2);
    CHECK(open->str("default_values") ==
          "\x1f"
          "0\x1f"
          "0");  // false evaluates to 0
    CHECK(find(s, "variable", "demo::kMax")->str("value") == "100");
    // Macros by value (their spelling kept for messages), macros built from macros too.
    CHECK(find(s, "macro", "DEMO_LIMIT")->str("value") == "64 (int)");
    CHECK(find(s, "macro", "DEMO_LIMIT")->str("spelling") == "( 4 * 16 )");
    CHECK(find(s, "macro", "DEMO_TWICE")->str("value") == "128 (int)");
    CHECK(find(s, "macro", "DEMO_SUM")->str("value") == "8 + 8");  // not one operand
    CHECK(find(s, "macro", "DEMO_NAME")->str("value") == "\"demo\" (const char *)");
    CHECK(find(s, "macro", "DEMO_EXPORT")->str("value") ==
          "__attribute__ ( ( visibility ( \"default\" ) ) )");
    // Not values: compared by what they finally stand for; a macro is not replaced in itself.
    CHECK(find(s, "macro", "DEMO_API")->str("expansion") ==
          "__attribute__ ( ( visibility ( \"default\" ) ) )");
    CHECK(find(s, "macro", "DEMO_SELF")->str("expansion") ==
          "DEMO_SELF __attribute__ ( ( visibility ( \"default\" ) ) )");
    CHECK_FALSE(find(s, "macro", "DEMO_EXPORT")->has("expansion"));
    const auto* mode = find(s, "enum", "demo::Mode");
    REQUIRE(mode != nullptr);
    CHECK(mode->str("underlying") == "unsigned char");
    CHECK(mode->children.size() == 2);
  }

  TEST_CASE("macro expansion of a hostile header is bounded") {
    // Each level doubles the one below: 2^40 tokens if expanded. Left out, in bounded time.
    std::string text = "#pragma once\n#define M0 x\n";
    for (int i = 1; i <= 40; ++i)
      text += "#define M" + std::to_string(i) + " M" + std::to_string(i - 1) + " M" +
              std::to_string(i - 1) + "\n";
    // A chain deeper than the expansion depth: left out too, no deep recursion.
    text += "#define C0 y\n";
    for (int i = 1; i <= 2000; ++i)
      text += "#define C" + std::to_string(i) + " C" + std::to_string(i - 1) + "\n";
    const auto s = load_header(text);
    CHECK(find(s, "macro", "M3")->str("expansion") == "x x x x x x x x");
    CHECK_FALSE(find(s, "macro", "M40")->has("expansion"));
    CHECK(find(s, "macro", "C2")->str("expansion") == "y");
    CHECK_FALSE(find(s, "macro", "C2000")->has("expansion"));
  }

  TEST_CASE("types compared with the default template arguments clang leaves out") {
    using breakwater::cpp::in_full;
    const breakwater::cpp::TemplateDefaults defaults{
        {"demo::specs", {"char"}},
        {"demo::table", {"", "std :: less < int >", "#0"}},
    };
    CHECK(in_full("demo::specs<>", defaults) == "demo::specs<char>");
    CHECK(in_full("demo::specs<char>", defaults) == "demo::specs<char>");
    CHECK(in_full("demo::specs<wchar_t>", defaults) == "demo::specs<wchar_t>");
    CHECK(in_full("const demo::specs<> *", defaults) == "constdemo::specs<char>*");
    // Nested, and a default naming an earlier parameter stays left out.
    CHECK(in_full("demo::table<demo::specs<>>", defaults) ==
          "demo::table<demo::specs<char>,std::less<int>>");
    CHECK(in_full("demo::other<int, demo::specs<>>[4]", defaults) ==
          "demo::other<int,demo::specs<char>>[4]");
    CHECK(in_full("demo::specs<(1 > 2)>", defaults) == "demo::specs<(1>2)>");
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

  TEST_CASE("special members, templates, exception specifications, inline namespaces") {
    const auto s = load_header(R"(#pragma once
#include <memory>
#include <mutex>
namespace demo {
struct Plain { int a; };
struct WithCtor { WithCtor(int); int a; };
struct Movable { Movable(Movable&&); };
struct Owner { std::unique_ptr<int> p; };
struct Locked { std::mutex m; };
struct Ref { int& r; };
struct Outer { struct Inner; };
struct Outer::Inner { int x; };
template <typename T, int N = 4, template <class> class C = std::allocator, typename... R>
struct Box {};
void a() noexcept;
void b() noexcept(true);
void c() noexcept(false);
template <class T> void d() noexcept(sizeof(T) > 4);
inline namespace v2 { void e(); }
struct Base { virtual void f(); };
struct Leaf final : Base { void f() final; };
}
)");
    const auto specials = [&](const char* name) {
      const auto* r = find(s, "record", name);
      REQUIRE(r != nullptr);
      return std::string(r->str("specials")) + "/" + std::string(r->str("specials_declared"));
    };
    CHECK(specials("demo::Plain") == "yyy/iii");
    CHECK(specials("demo::WithCtor") == "nyy/iii");
    CHECK(specials("demo::Movable") == "nnn/iii");
    // unique_ptr's copy is deleted; its default constructor is a template: not known
    CHECK(specials("demo::Owner") == "?nn/iii");
    CHECK(specials("demo::Locked") == "ynn/iii");
    CHECK(specials("demo::Ref") == "?yn/iii");
    CHECK(find(s, "record", "demo::Outer::Inner") != nullptr);  // named by its semantic parent
    CHECK(find(s, "template", "demo::Box")->str("params") ==
          "typename\x1f"
          "value int=4\x1f"
          "template=std :: allocator\x1f"
          "typename...");
    CHECK(find(s, "function", "demo::a()")->str("noexcept") == "yes");
    CHECK(find(s, "function", "demo::b()")->str("noexcept") == "yes");
    CHECK(find(s, "function", "demo::c()")->str("noexcept") == "no");  // written noexcept(false)
    CHECK(find(s, "function", "demo::e()")->str("inline_ns") == "v2");
    CHECK(find(s, "function", "demo::Leaf::f()")->flag("final"));
    CHECK(find(s, "record", "demo::Leaf")->flag("final"));
  }

  TEST_CASE("C headers: declarations inside extern \"C\" blocks are modelled") {
    const auto s = load_header(R"(#pragma once
#ifdef __cplusplus
extern "C" {
#endif
typedef struct { int a; } S;
typedef enum { A, B } E;
int api(S* s);
extern int counter;
#ifdef __cplusplus
}
#endif
namespace n { extern "C" void g(); }
template <class T> struct Box { void f(); };
template <> void Box<int>::f();
)");
    CHECK(find(s, "record", "S") != nullptr);
    CHECK(find(s, "enum", "E") != nullptr);
    CHECK(find(s, "function", "api(S *)") != nullptr);
    CHECK(find(s, "variable", "counter") != nullptr);
    CHECK(find(s, "function", "n::g()") != nullptr);
    CHECK(find(s, "template", "Box") != nullptr);
  }

  TEST_CASE("excluded headers are neither parsed on their own nor modelled") {
    char tmpl[] = "/tmp/bw-cpp-exclude-XXXXXX";
    const fs::path dir = mkdtemp(tmpl);
    breakwater::test::write_file((dir / "lib.h").string(), "#pragma once\nvoid f();\n");
    fs::create_directories(dir / "win");
    breakwater::test::write_file((dir / "win" / "only.h").string(), "#error not here\n");
    breakwater::LoadOptions options;
    options.lang = "cpp";
    CHECK_THROWS_AS(breakwater::load_schema(dir.string(), options), breakwater::InputError);
    options.set("exclude", {"win"});
    const auto s = breakwater::load_schema(dir.string(), options);
    CHECK(find(s, "function", "f()") != nullptr);
    fs::remove_all(dir);
  }

  TEST_CASE("compile_commands.json: the entry nearest the headers, outputs dropped") {
    using breakwater::cpp::split_command;
    CHECK(split_command(R"(c++ -DA="x y" -I'inc dir' a\ b.cpp)") ==
          std::vector<std::string>{"c++", "-DA=x y", "-Iinc dir", "a b.cpp"});
    char tmpl[] = "/tmp/bw-cpp-db-XXXXXX";
    const fs::path dir = mkdtemp(tmpl);
    const std::string db = (dir / "compile_commands.json").string();
    breakwater::test::write_file(
        db, R"([{"directory": "/b", "file": "/src/other/x.cpp", "command": "c++ -DOTHER -c x.cpp"},
  {"directory": "/b", "file": "/src/lib/a.cpp",
   "arguments": ["g++", "-Iinclude", "-DLIB=1", "-MD", "-MF", "a.d", "-o", "a.o", "-c", "/src/lib/a.cpp"]}])");
    CHECK(breakwater::cpp::flags_from_compile_db(db, "/src/lib/include") ==
          std::vector<std::string>{"-I/b/include", "-DLIB=1"});
    breakwater::test::write_file(db, "[{\"directory\": 1}\n");
    CHECK_THROWS_AS(breakwater::cpp::flags_from_compile_db(db, "/src"), breakwater::InputError);
    fs::remove_all(dir);
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
