// The C++ loader's ABI classification checked against the compiler itself: a witness
// translation unit is compiled by clang (the version libclang comes from) and what it emitted
// (LLVM IR for calls, its own vtable dump for slots) must agree with the model. Hand-written
// expectations could share a misunderstanding with the loader; clang's output cannot.
#include <breakwater/check.hpp>

#include "cli_runner.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Dir {
  fs::path path;
  Dir() {
    char tmpl[] = "/tmp/bw-cpp-witness-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~Dir() { fs::remove_all(path); }
};

breakwater::Schema load(const fs::path& dir) {
  breakwater::LoadOptions options;
  options.lang = "cpp";
  return breakwater::load_schema(dir.string(), options);
}

const breakwater::Entity* record(const breakwater::Schema& s, std::string_view key) {
  for (const auto& e : s.roots.front().children) {
    if (e.kind == "record" && e.key == key) return &e;
  }
  return nullptr;
}

// Runs clang on `source` (a file including lib.h from `dir`) with `flags`; returns its stdout.
std::string clang(const fs::path& dir, const std::string& source, const std::string& flags) {
  const fs::path unit = dir / "witness.cpp";
  breakwater::test::write_file(unit.string(), source);
  const std::string out = (dir / "witness.out").string();
  const std::string cmd = std::string(BREAKWATER_CLANGXX) + " -std=c++17 -I '" + dir.string() +
                          "' " + flags + " '" + unit.string() + "' > '" + out + "' 2>&1";
  const int status = std::system(cmd.c_str());
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  REQUIRE_MESSAGE(status == 0, cmd << "\n" << text.str());
  return text.str();
}

}  // namespace

TEST_SUITE("cpp_abi_witness") {
  // Each record is passed to a function by value; clang's IR shows whether the argument goes in
  // registers (i32, i64, {..}), by value on the stack (byval) or through a hidden pointer (the
  // Itanium "non-trivial for the purposes of calls" case the model calls call_in_memory).
  TEST_CASE("calling convention of records holding standard library types, as clang emits it") {
    Dir dir;
    const std::vector<std::pair<std::string, std::string>> records = {
        {"Str", "std::string s;"},
        {"Opt", "std::optional<int> o;"},
        {"Map", "std::map<int, int> m;"},
        {"Uniq", "std::unique_ptr<int> p;"},
        {"Pair", "std::pair<int, long> p;"},
        {"Atom", "std::atomic<int> a;"},
        {"Vec", "std::vector<int> v;"},
        {"OptStr", "std::optional<std::string> o;"},
        {"Shared", "std::shared_ptr<int> p;"},
        {"Func", "std::function<void()> f;"},
        {"View", "std::string_view v;"},
        {"Arr", "std::array<int, 2> a;"},
        {"Tup", "std::tuple<int, char> t;"},
        {"Var", "std::variant<int, float> v;"},
        {"Plain", "int x;"},
        {"Owner", "int x; ~Owner();"},
        {"Nested", "Opt inner; Pair p;"},
        {"NestedStr", "Plain p; Str s;"},
        {"NoCopy", "int x; NoCopy(const NoCopy&) = delete;"},
        {"MoveOnly", "int x; MoveOnly(MoveOnly&&) = default;"},
        {"MoveGone", "int x; MoveGone(MoveGone&&) = delete;"},
        {"Virt", "int x; virtual void f();"},
        {"HasAtom", "Plain p; Atom a;"},
        {"Defaulted", "int x; Defaulted(const Defaulted&) = default; ~Defaulted() = default;"},
    };
    std::string header =
        "#pragma once\n#include <array>\n#include <atomic>\n#include <functional>\n"
        "#include <map>\n#include <memory>\n#include <optional>\n#include <string>\n"
        "#include <string_view>\n#include <tuple>\n#include <utility>\n#include <variant>\n"
        "#include <vector>\nnamespace w {\n";
    std::string witness = "#include \"lib.h\"\nnamespace w {\n";
    for (const auto& [name, body] : records) {
      header += "struct " + name + " { " + body + " };\n";
      witness += "void take_" + name + "(" + name + ") {}\n";
    }
    header += "}\n";
    witness += "}\n";
    breakwater::test::write_file((dir.path / "lib.h").string(), header);
    const breakwater::Schema s = load(dir.path);
    const std::string ir = clang(dir.path, witness, "-S -emit-llvm -o -");
    // define dso_local void @_ZN1w8take_StrENS_3StrE(%"struct.w::Str"* noundef %0)
    const std::regex define(R"(define [^@]*@_ZN1w\d+take_([A-Za-z]+)E[^(]*\(([^)]*)\))");
    std::map<std::string, bool> indirect;
    for (std::sregex_iterator it(ir.begin(), ir.end(), define), end; it != end; ++it) {
      const std::string params = (*it)[2];
      // The object itself behind a pointer, not on the stack (byval): `%"struct.w::X"* noundef`.
      indirect[(*it)[1]] = params.starts_with("%") && params.find("* noundef %0") != std::string::npos &&
                           params.find("byval") == std::string::npos;
    }
    REQUIRE(indirect.size() == records.size());
    int in_memory = 0;
    for (const auto& [name, body] : records) {
      CAPTURE(name);
      const auto* r = record(s, "w::" + name);
      REQUIRE(r != nullptr);
      CHECK(r->flag("call_in_memory") == indirect.at(name));
      in_memory += indirect.at(name);
    }
    CHECK(in_memory >= 8);  // both answers are exercised
  }

  // Each record's own slots in its primary vtable (the model's "virtuals"), against clang's
  // -fdump-vtable-layouts: the entries of the record's primary vtable after those of its primary
  // base. Covers covariant overriders whose return needs adjusting (a slot of their own) and
  // nearly empty virtual bases chosen as primary.
  TEST_CASE("own vtable slots, as clang lays the vtables out") {
    Dir dir;
    const std::string header = R"(#pragma once
struct A { virtual ~A() {} virtual A* clone() { return nullptr; } int a; };
struct B { virtual void b() {} int b_; };
struct C : B, A { C* clone() override { return nullptr; } virtual void c() {} };
struct D : A { D* clone() override { return nullptr; } virtual void d() {} };
struct E : B { virtual A* make() { return nullptr; } };
struct F : E { C* make() override { return nullptr; } virtual void f() {} };
struct G : E { D* make() override { return nullptr; } virtual void g() {} };
struct H : E { A* make() override { return nullptr; } virtual void h(int) {} };
struct V { virtual void v() {} };
struct W : virtual V { virtual void w() {} };
struct X : virtual V { void v() override {} virtual void x() {} };
struct Y : virtual W { virtual void y() {} };
struct Z : W, X { virtual void z() {} void x() override {} };
struct N { int n; };
struct P : N { virtual void p() {} };
struct Q : P { virtual Q* self() { return this; } };
struct R : Q { R* self() override { return this; } virtual int r() const { return 0; } };
struct K : virtual N { virtual void k() {} };
struct L : K, virtual V { virtual void l() {} void v() override {} };
)";
    const std::vector<std::string> names = {"A", "B", "C", "D", "E", "F", "G", "H", "V", "W",
                                            "X", "Y", "Z", "P", "Q", "R", "K", "L"};
    breakwater::test::write_file((dir.path / "lib.h").string(), header);
    std::string witness = "#include \"lib.h\"\nvoid use() {\n";
    for (const auto& n : names) witness += "  " + n + " o" + n + ";\n";
    witness += "}\n";
    const std::string dump = clang(dir.path, witness, "-S -o /dev/null -Xclang -fdump-vtable-layouts");
    // Per class: the function entries of its primary vtable, and the classes sharing it.
    std::map<std::string, std::vector<std::string>> entries;
    std::map<std::string, std::vector<std::string>> sharing;
    std::istringstream in(dump);
    std::string line, current;
    bool primary = false;
    const std::regex header_line(R"(^Vtable for '(\w+)')");
    const std::regex address(R"(-- \((\w+), 0\) vtable address --)");
    const std::regex entry(R"(^\s+\d+ \| (.*)$)");
    std::smatch m;
    while (std::getline(in, line)) {
      if (std::regex_search(line, m, header_line)) {
        current = m[1];
        primary = false;
        continue;
      }
      if (current.empty()) continue;
      if (!line.empty() && line[0] != ' ') {  // another section ("VTable indices for ...")
        current.clear();
        continue;
      }
      if (std::regex_search(line, m, address)) {
        if (primary && entries[current].empty()) sharing[current].push_back(m[1]);
        continue;
      }
      if (!std::regex_search(line, m, entry)) continue;
      const std::string what = m[1];
      if (what.find("RTTI") != std::string::npos) {
        primary = sharing[current].empty() && entries[current].empty();
        continue;
      }
      if (what.find("offset") != std::string::npos) {
        if (!entries[current].empty() || !sharing[current].empty()) primary = false;
        continue;
      }
      if (primary) entries[current].push_back(what);
    }
    const breakwater::Schema s = load(dir.path);
    for (const auto& name : names) {
      CAPTURE(name);
      REQUIRE(entries.count(name) == 1);
      const auto& shared = sharing[name];
      REQUIRE(!shared.empty());
      REQUIRE(shared.back() == name);
      const size_t inherited = shared.size() >= 2 ? entries[shared[shared.size() - 2]].size() : 0;
      // "C *F::make()" -> "make()", "F::~F() [deleting]" -> "~F()" (one item for both).
      std::string own;
      for (size_t i = inherited; i < entries[name].size(); ++i) {
        std::string e = entries[name][i];
        e = e.substr(e.find(name + "::") + name.size() + 2);
        for (const char* tag : {" [complete]", " [deleting]", " [pure]"}) {
          if (const size_t at = e.find(tag); at != std::string::npos) e.erase(at);
        }
        if (e.starts_with("~") && own.ends_with(e)) continue;
        own += (own.empty() ? "" : "\x1f") + e;
      }
      const auto* r = record(s, name);
      REQUIRE(r != nullptr);
      CHECK(std::string(r->str("virtuals")) == own);
    }
  }
}

