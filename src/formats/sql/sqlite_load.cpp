#include "formats/sql/sqlite_load.hpp"

#include "core/lines.hpp"
#include "formats/sql/sqlite_checks.hpp"
#include "formats/sql/ddl_positions.hpp"
#include "formats/sql/migration_facts.hpp"

#include <breakwater/check.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>

namespace breakwater::sql {
namespace {

// Enough for any schema a person writes; a recursive query that would run for ever stops here.
constexpr int kBudgetTicks = 200000;  // progress callbacks, every 1000 VM steps
constexpr int kMaxValueBytes = 1 << 20;  // the longest string or blob a statement may make
constexpr int kMaxStatementBytes = 16 << 20;
constexpr sqlite3_int64 kMaxHeapBytes = sqlite3_int64{512} << 20;

struct Db {
  sqlite3* db = nullptr;
  int ticks = 0;
  std::string refused;   // the action the authorizer refused last
  std::string dropping;  // the table or view the statement at hand drops
  Db() {
    if (sqlite3_open_v2(
            ":memory:", &db,
            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX,
            nullptr) != SQLITE_OK) {
      throw InputError({}, "cannot open an in-memory SQLite database");
    }
    // No other database can be attached (ATTACH, VACUUM INTO), no extension loaded, and the
    // schema cannot be edited behind SQLite's back.
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    // A schema needs no long values: `printf('%.*c', 999999990, 'a')` in a CREATE TABLE AS
    // grew to 12 GB, and one such call ran for seconds between two progress callbacks. Values
    // over 1 MB fail at once ("string or blob too big"), and SQLite's heap as a whole is capped.
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, kMaxStatementBytes);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 500);
    sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 100);
    static std::once_flag heap;
    std::call_once(heap, [] { sqlite3_hard_heap_limit64(kMaxHeapBytes); });
    // printf('%.*c', 2000000000, 'a') pads one character at a time inside a single call, past
    // the length limit and between progress callbacks (10 s a statement). A schema only names
    // printf in definitions that are never evaluated here (a CHECK, a default), so running it is
    // refused.
    for (const char* name : {"printf", "format"}) {
      sqlite3_create_function_v2(db, name, -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                 &Db::not_run, nullptr, nullptr, nullptr);
    }
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    // The schema is trusted to call SQLite's built-in functions (json_extract() in a generated
    // column or an index): the statements come straight from the file, so untrusting them
    // guards nothing, and every function this connection has is SQLite's own or refuses to
    // run (printf, format); extensions cannot be loaded, databases cannot be attached.
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, nullptr);
    sqlite3_progress_handler(db, 1000, &Db::progress, this);
  }
  ~Db() { sqlite3_close(db); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  static void not_run(sqlite3_context* context, int, sqlite3_value**) {
    sqlite3_result_error(context, "printf() is not run by breakwater", -1);
  }

  static int progress(void* self) { return ++static_cast<Db*>(self)->ticks > kBudgetTicks ? 1 : 0; }

  static int authorize(void* self, int action, const char* a, const char*, const char*,
                       const char*) {
    Db& d = *static_cast<Db*>(self);
    const std::string target = a != nullptr ? a : "";
    switch (action) {
      case SQLITE_DROP_TABLE:
      case SQLITE_DROP_VIEW:
      case SQLITE_DROP_TEMP_TABLE:
      case SQLITE_DROP_TEMP_VIEW:
        d.dropping = target;
        return SQLITE_OK;
      case SQLITE_CREATE_TABLE:
      case SQLITE_CREATE_INDEX:
      case SQLITE_CREATE_VIEW:
      case SQLITE_CREATE_TRIGGER:
      case SQLITE_CREATE_TEMP_TABLE:
      case SQLITE_CREATE_TEMP_INDEX:
      case SQLITE_CREATE_TEMP_VIEW:
      case SQLITE_CREATE_TEMP_TRIGGER:
      case SQLITE_DROP_INDEX:
      case SQLITE_DROP_TRIGGER:
      case SQLITE_DROP_TEMP_INDEX:
      case SQLITE_DROP_TEMP_TRIGGER:
      case SQLITE_ALTER_TABLE:
      case SQLITE_TRANSACTION:
      case SQLITE_SAVEPOINT:
      case SQLITE_READ:
      case SQLITE_SELECT:
      case SQLITE_FUNCTION:
      case SQLITE_RECURSIVE:
      case SQLITE_REINDEX:  // CREATE INDEX asks for it
      case SQLITE_ANALYZE:
        return SQLITE_OK;
      case SQLITE_DELETE:
        // DROP TABLE asks to delete the table's rows right after asking to drop it; ignoring
        // that request would silently keep the table.
        if (target == d.dropping) return SQLITE_OK;
        [[fallthrough]];
      case SQLITE_INSERT:
      case SQLITE_UPDATE:
        // SQLite records schema changes in its schema table; rows of user tables are data,
        // skipped (a dump's INSERTs change nothing about the schema).
        return target.starts_with("sqlite_") ? SQLITE_OK : SQLITE_IGNORE;
      case SQLITE_PRAGMA:
        return SQLITE_IGNORE;  // PRAGMA foreign_keys=ON and the like: no schema change
      default:
        d.refused = action == SQLITE_ATTACH   ? "ATTACH"
                    : action == SQLITE_DETACH ? "DETACH"
                                              : "statement kind " + std::to_string(action);
        return SQLITE_DENY;
    }
  }
};

struct Stmt {
  sqlite3_stmt* s = nullptr;
  ~Stmt() { sqlite3_finalize(s); }
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Past whitespace and comments: where the statement itself begins, for its location.
size_t statement_start(const std::string& text, size_t i) {
  for (;;) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (text.compare(i, 2, "--") == 0) {
      i = text.find('\n', i);
      if (i == std::string::npos) return text.size();
    } else if (text.compare(i, 2, "/*") == 0) {
      i = text.find("*/", i);
      if (i == std::string::npos) return text.size();
      i += 2;
    } else {
      return i;
    }
  }
}

// The statement's first two words in capitals (`ALTER TABLE`, `CREATE INDEX`).
std::string leading_words(const std::string& text, size_t start) {
  std::string out;
  size_t i = start;
  for (int words = 0; words < 2; ++words) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    const size_t from = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    if (i == from) break;
    out += (out.empty() ? "" : " ") + text.substr(from, i - from);
  }
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Past the ';' that ends the statement at `start` (outside literals, quoted names and
// comments), or npos for a statement that may hold inner ';' (CREATE TRIGGER ... BEGIN).
size_t statement_end(const std::string& text, size_t start) {
  const std::string words = leading_words(text, start);
  if (words == "CREATE TRIGGER" || words == "CREATE TEMP" || words == "CREATE TEMPORARY") {
    return std::string::npos;
  }
  for (size_t i = start; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ';') return i + 1;
    size_t stop = i;
    if (c == '\'' || c == '"' || c == '`') stop = text.find(c, i + 1);
    else if (c == '[') stop = text.find(']', i + 1);
    else if (text.compare(i, 2, "--") == 0) stop = text.find('\n', i);
    else if (text.compare(i, 2, "/*") == 0) stop = text.find("*/", i + 2);
    if (stop == std::string::npos) return text.size();
    i = stop;
  }
  return text.size();
}

void run_file(Db& db, const SqlFile& f, DdlPositions& pos, std::vector<Diagnostic>& warnings) {
  const Lines lines(f.text);  // one table per file: positions are looked up per column
  const char* begin = f.text.c_str();
  const char* p = begin;
  const char* end = begin + f.text.size();
  while (p < end) {
    Stmt st;
    const char* tail = nullptr;
    db.refused.clear();
    db.dropping.clear();
    int rc = sqlite3_prepare_v2(db.db, p, static_cast<int>(end - p), &st.s, &tail);
    const size_t start = statement_start(f.text, static_cast<size_t>(p - begin));
    auto fail = [&](size_t offset, std::string message) {
      const auto [line, col] = lines.at(offset);
      throw InputError(Location{f.shown, line, col}, message);
    };
    auto refuse = [&] {
      size_t e = start;
      while (e < f.text.size() && std::isalpha(static_cast<unsigned char>(f.text[e]))) ++e;
      std::string what = f.text.substr(start, e - start);
      for (char& c : what) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (!db.refused.empty() && db.refused != what) what += " (" + db.refused + ")";
      fail(start, what + " is refused: breakwater only runs schema statements");
    };
    if (rc != SQLITE_OK) {
      const int off = sqlite3_error_offset(db.db);
      if (!db.refused.empty() || rc == SQLITE_AUTH) refuse();
      const std::string message = sqlite3_errmsg(db.db);
      // A migration folder may begin mid-history, altering tables an earlier migration (not
      // given) created: a warning, as for PostgreSQL, and the statement is left out.
      if (message.starts_with("no such table: ") || message.starts_with("no such index: ")) {
        if (const size_t stop = statement_end(f.text, start); stop != std::string::npos) {
          const auto [line, col] = lines.at(start);
          warnings.push_back(
              {SourceRef{f.id, line, col},
               leading_words(f.text, start) + " of " + message.substr(15) +
                   ", which no earlier statement creates; ignored"});
          p = begin + stop;
          continue;
        }
      }
      fail(off >= 0 ? start + static_cast<size_t>(off) : start,
           message.starts_with("unsafe use of ")
               ? message + " (refused by breakwater's SQLite sandbox)"
               : message);
    }
    if (st.s == nullptr) break;  // only whitespace or comments left
    while ((rc = sqlite3_step(st.s)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
      if (rc == SQLITE_INTERRUPT) {
        fail(start, "statement exceeds the work budget; refusing to run it");
      }
      if (!db.refused.empty() || rc == SQLITE_AUTH) refuse();
      fail(start, sqlite3_errmsg(db.db));
    }
    pos.statement(f.text, lines, f.id, start, static_cast<size_t>(tail - begin));
    p = tail;
  }
}

std::vector<std::vector<std::string>> rows(Db& db, const std::string& sql, const std::string& arg) {
  Stmt st;
  std::vector<std::vector<std::string>> out;
  if (sqlite3_prepare_v2(db.db, sql.c_str(), -1, &st.s, nullptr) != SQLITE_OK) return out;
  if (!arg.empty()) sqlite3_bind_text(st.s, 1, arg.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(st.s) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(st.s); ++i) {
      const auto* v = sqlite3_column_text(st.s, i);
      row.emplace_back(v != nullptr ? reinterpret_cast<const char*>(v) : "");
    }
    out.push_back(std::move(row));
  }
  return out;
}

// SQLite compares by type affinity: VARCHAR(10) and TEXT store the same.
std::string affinity(const std::string& declared) {
  const std::string t = lower(declared);
  if (t.find("int") != std::string::npos) return "integer";
  if (t.find("char") != std::string::npos || t.find("clob") != std::string::npos ||
      t.find("text") != std::string::npos) {
    return "text";
  }
  if (t.empty() || t.find("blob") != std::string::npos) return "blob";
  if (t.find("real") != std::string::npos || t.find("floa") != std::string::npos ||
      t.find("doub") != std::string::npos) {
    return "real";
  }
  return "numeric";
}

}  // namespace

void load_sqlite(const std::vector<SqlFile>& files, Schema& schema, bool migrations) {
  Db db;
  DdlPositions pos;
  sqlite3_set_authorizer(db.db, &Db::authorize, &db);
  for (const SqlFile& f : files) {
    const size_t renames_before = pos.renames.size();
    run_file(db, f, pos, schema.warnings);
    if (!migrations) continue;
    schema.roots.push_back(migration_file_fact(f.relative, f.id));
    for (size_t i = renames_before; i < pos.renames.size(); ++i) {
      const DdlPositions::Rename& r = pos.renames[i];
      schema.roots.push_back(
          rename_fact(f.relative, schema.roots.size(), r.table, r.from, r.to, r.at));
    }
  }
  sqlite3_set_authorizer(db.db, nullptr, nullptr);  // introspection reads pragmas
  sqlite3_progress_handler(db.db, 0, nullptr, nullptr);
  for (const auto& t : rows(db,
                            // The CREATE text comes with the listing: sqlite_schema has no
                            // index, and one lookup per table would scan it once per table.
                            "SELECT name, type, coalesce(sql, '') FROM sqlite_schema WHERE type "
                            "IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name",
                            "")) {
    const std::string& name = t[0];
    Entity e;
    e.kind = t[1] == "view" ? "view" : "table";
    e.key = e.name = "main." + name;
    e.set("dialect", std::string("sqlite"));
    e.loc = pos.tables[lower(name)];
    const auto& cols = pos.columns[lower(name)];
    for (const auto& c : rows(db,
                              "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM "
                              "pragma_table_xinfo(?1) ORDER BY cid",
                              name)) {
      Entity col;
      col.kind = e.kind == "view" ? "view_column" : "column";
      col.key = col.name = c[0];
      const auto at = cols.find(lower(c[0]));
      col.loc = at != cols.end() ? at->second : e.loc;
      if (e.kind == "table") {
        col.set("type", affinity(c[1]), col.loc);
        if (c[2] == "1" || c[4] != "0") col.set("not_null", true, col.loc);
        // DEFAULT NULL is no default: a NOT NULL column that had it lost nothing.
        if (!c[3].empty() && lower(c[3]) != "null") col.set("default", c[3], col.loc);
        if (c[5] == "2" || c[5] == "3") col.set("generated", true, col.loc);
      }
      e.children.push_back(std::move(col));
    }
    if (e.kind == "table") {
      for (const auto& ix : rows(db,
                                 "SELECT name, \"unique\", origin, partial FROM "
                                 "pragma_index_list(?1) ORDER BY name",
                                 name)) {
        if (ix[1] != "1") continue;
        std::string joined;
        for (const auto& c :
             rows(db, "SELECT name FROM pragma_index_info(?1) ORDER BY seqno", ix[0])) {
          joined += (joined.empty() ? "" : ", ") + c[0];
        }
        Entity con;
        con.kind = "constraint";
        con.loc = e.loc;
        const bool pk = ix[2] == "pk";
        con.key = pk ? "primary key" : "unique (" + joined + ")" + (ix[3] == "1" ? " partial" : "");
        con.name = ix[0];
        con.set("type", std::string(pk ? "primary key" : "unique"), con.loc);
        con.set("columns", joined, con.loc);
        con.set("conname", ix[0]);
        e.children.push_back(std::move(con));
      }
      for (const SqliteCheck& check : sqlite_checks(t[2])) {
        Entity con;
        con.kind = "constraint";
        const auto col_at = cols.find(lower(check.column));
        con.loc = col_at != cols.end() ? col_at->second : e.loc;
        con.key = "check " + check.condition;
        con.name = check.name.empty() ? con.key : check.name;
        con.set("type", std::string("check"), con.loc);
        con.set("columns", check.column, con.loc);
        con.set("conname", check.name);
        e.children.push_back(std::move(con));
      }
      std::map<std::string, std::pair<std::string, std::string>> fks;  // id -> (from, to)
      std::map<std::string, std::string> fk_table;
      for (const auto& fk : rows(db,
                                 "SELECT id, \"table\", \"from\", \"to\" FROM "
                                 "pragma_foreign_key_list(?1) ORDER BY id, seq",
                                 name)) {
        auto& [from, to] = fks[fk[0]];
        from += (from.empty() ? "" : ", ") + fk[2];
        to += (to.empty() ? "" : ", ") + fk[3];
        fk_table[fk[0]] = fk[1];
      }
      for (const auto& [id, cols_pair] : fks) {
        Entity con;
        con.kind = "constraint";
        con.loc = e.loc;
        const std::string target = "main." + fk_table[id] + " (" + cols_pair.second + ")";
        con.key = "foreign key (" + cols_pair.first + ") references " + target;
        con.name = con.key;
        con.set("type", std::string("foreign key"), con.loc);
        con.set("columns", cols_pair.first, con.loc);
        con.set("references", target, con.loc);
        con.set("conname", con.key);
        e.children.push_back(std::move(con));
      }
    }
    schema.roots.push_back(std::move(e));
  }
  schema.removed_at = std::move(pos.removed);
}

bool parses_as_sqlite(const std::string& text) {
  Schema scratch;
  try {
    load_sqlite({SqlFile{"", "", text, scratch.add_file("")}}, scratch);
  } catch (const InputError&) {
    return false;
  }
  return !scratch.roots.empty();
}

}  // namespace breakwater::sql
