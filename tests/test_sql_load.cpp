// The SQL loaders: what PostgreSQL's parse nodes and SQLite's stored DDL turn into, and the
// normalisations that let hand-written DDL and pg_dump output compare equal.
#include <breakwater/check.hpp>

#include "cli_runner.hpp"
#include "formats/sql/sqlite_checks.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;
using breakwater::Entity;
using breakwater::LoadOptions;
using breakwater::Schema;

namespace {

struct SqlFile {
  fs::path dir;
  explicit SqlFile(const std::string& name, const std::string& text) {
    char tmpl[] = "/tmp/bw-sql-XXXXXX";
    dir = mkdtemp(tmpl);
    breakwater::test::write_file((dir / name).string(), text);
    path = (dir / name).string();
  }
  ~SqlFile() { fs::remove_all(dir); }
  std::string path;
};

Schema load_sql(const std::string& name, const std::string& text) {
  const SqlFile f(name, text);
  LoadOptions options;
  options.lang = "sql";
  return breakwater::load_schema(f.path, options);
}

const Entity& root(const Schema& s, std::string_view kind, std::string_view key) {
  for (const Entity& e : s.roots) {
    if (e.kind == kind && e.key == key) return e;
  }
  FAIL("no " << kind << " " << key);
  return s.roots.front();
}

std::vector<std::string> constraint_keys(const Entity& table) {
  std::vector<std::string> out;
  for (const Entity& c : table.children) {
    if (c.kind == "constraint") out.push_back(c.key);
  }
  return out;
}

}  // namespace

TEST_SUITE("sql_load") {
  TEST_CASE("pg_dump's deparsed conditions equal the written ones") {
    const Schema written = load_sql("a.sql",
                                    "CREATE TABLE t (total numeric CHECK (total >= 0),"
                                    " status text CHECK (status IN ('a', 'b')),"
                                    " kind text CHECK (kind NOT IN ('x')));");
    const Schema dumped =
        load_sql("b.sql",
                 "CREATE TABLE public.t (total numeric, status text, kind text,"
                 " CONSTRAINT t_total_check CHECK ((total >= (0)::numeric)),"
                 " CONSTRAINT t_status_check CHECK ((status = ANY "
                 "(ARRAY['a'::text, 'b'::text]))),"
                 " CONSTRAINT t_kind_check CHECK ((kind <> ALL (ARRAY['x'::text]))));");
    auto a = constraint_keys(root(written, "table", "public.t"));
    auto b = constraint_keys(root(dumped, "table", "public.t"));
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    CHECK(a.size() == 3);
    CHECK(a == b);
  }

  TEST_CASE("functions are keyed by input types; OUT parameters make the result") {
    const Schema s = load_sql("f.sql",
                              "CREATE FUNCTION f(a int, INOUT b text, OUT c bigint) "
                              "LANGUAGE sql AS $$ SELECT 'x', 1::bigint $$;\n"
                              "CREATE FUNCTION g(x integer DEFAULT 1) RETURNS SETOF int4 "
                              "LANGUAGE sql AS $$ SELECT 1 $$;");
    const Entity& f = root(s, "function", "public.f(int4, text)");
    CHECK(f.str("returns") == "record (text, int8)");
    const Entity& g = root(s, "function", "public.g(int4)");
    CHECK(g.str("returns") == "SETOF int4");
    CHECK(g.num("defaults") == 1);
  }

  TEST_CASE("partitions take their parent's keys; serial sequences are owned") {
    const Schema s = load_sql("p.sql",
                              "CREATE TABLE m (id serial, d date, PRIMARY KEY (id, d))"
                              " PARTITION BY RANGE (d);\n"
                              "CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2025-01-01')"
                              " TO ('2026-01-01');\n"
                              "ALTER TABLE m ADD CONSTRAINT d_recent CHECK (d > '2000-01-01');\n"
                              "ALTER TABLE ONLY m ADD CONSTRAINT parent_only CHECK (id > 0);");
    const auto keys = constraint_keys(root(s, "table", "public.m1"));
    CHECK(keys.size() == 2);  // the primary key and the propagated check, not the ONLY one
    CHECK(root(s, "sequence", "public.m_id_seq").str("owned_by") == "public.m.id");
  }

  TEST_CASE("psql meta-commands and COPY data are not SQL") {
    const Schema s = load_sql("d.sql",
                              "\\restrict abc\nCREATE TABLE t (a int);\n"
                              "COPY public.t (a) FROM stdin;\n1\n\\N\n\\.\n\\unrestrict abc\n");
    CHECK(s.warnings.empty());
    CHECK(root(s, "table", "public.t").children.size() == 1);
  }

  TEST_CASE("a file larger than the splitter's window: statements, quotes and errors across it") {
    // Tables of ~100 bytes up to past 1 MiB, one function whose dollar-quoted body (holding
    // semicolons) straddles the 1 MiB mark, then more tables.
    std::string text;
    int tables = 0;
    while (text.size() < (size_t{1} << 20) - 300) {
      text += "CREATE TABLE t" + std::to_string(tables++) + " (id int PRIMARY KEY, note text);\n";
    }
    text += "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$\nBEGIN\n";
    while (text.size() < (size_t{1} << 20) + 300) text += "  PERFORM 1; -- ; inside a body\n";
    text += "  RETURN 1;\nEND\n$body$;\n";
    for (int i = 0; i < 3; ++i) {
      text += "CREATE TABLE u" + std::to_string(i) + " (id int);\n";
    }
    const Schema s = load_sql("big.sql", text);
    size_t loaded = 0;
    for (const Entity& e : s.roots) loaded += e.kind == "table";
    CHECK(loaded == static_cast<size_t>(tables) + 3);
    CHECK(root(s, "function", "public.f()").kind == "function");
    // An unterminated quote after the first window: reported where it starts, past 1 MiB.
    const std::string broken = text + "CREATE TABLE v (note text DEFAULT 'open);\n";
    try {
      load_sql("big.sql", broken);
      FAIL("an unterminated quote must be an error");
    } catch (const breakwater::InputError& e) {
      CHECK(e.where().line == static_cast<uint32_t>(
                                  std::count(broken.begin(), broken.end(), '\n')));
    }
  }

  TEST_CASE("SQLite CHECK constraints come from the stored CREATE TABLE text") {
    using breakwater::sql::sqlite_checks;
    const auto checks = sqlite_checks(
        "CREATE TABLE t (\"Qty\" INTEGER CHECK (\"Qty\" >= 0), note TEXT DEFAULT 'check (x)', "
        "-- a check in a comment\n price REAL, CONSTRAINT pos CHECK ( price>0 ),"
        " CHECK (length(note) < 10))");
    REQUIRE(checks.size() == 3);
    CHECK(checks[0].column == "Qty");
    CHECK(checks[0].condition == "\"qty\">=0");
    CHECK(checks[1].column.empty());
    CHECK(checks[1].name == "pos");
    CHECK(checks[1].condition == "price>0");
    CHECK(checks[2].condition == "length(note)<10");
    CHECK(sqlite_checks("CREATE TABLE t (a INT CHECK (a IS NOT NULL))")[0].condition ==
          "a is not null");
  }
}
