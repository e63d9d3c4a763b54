#include "formats/sql/mysql_load.hpp"

#include "core/lines.hpp"
#include "core/quote.hpp"
#include "formats/sql/ddl_positions.hpp"
#include "formats/sql/migration_facts.hpp"
#include "formats/sql/mysql_online_ddl.hpp"
#include "formats/sql/mysql_routines.hpp"
#include "formats/sql/mysql_script.hpp"
#include "formats/sql/mysql_server.hpp"
#include "formats/sql/mysql_types.hpp"

#include <breakwater/check.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <tuple>

namespace breakwater::sql {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class Loader {
 public:
  Loader(Schema& schema, bool migrations) : schema_(schema), migrations_(migrations) {
    pos_.prefix = "";
  }

  void file(const SqlFile& f) {
    const Lines lines(f.text);
    std::set<std::string> mapped;
    if (migrations_) schema_.roots.push_back(migration_file_fact(f.relative, f.id));
    // Tables this file creates hold no rows yet: nothing about them can block anyone.
    std::set<std::string> created_here;
    for (const MysqlStatement& s : split_mysql(f.text, f.shown)) {
      const MysqlVerdict verdict = classify_mysql(s);
      if (verdict.action == MysqlAction::skip) continue;
      if (verdict.action == MysqlAction::note) {
        const auto [line, col] = lines.at(s.begin);
        schema_.warnings.push_back({SourceRef{f.id, line, col}, verdict.why});
        if (s.words[0] == "CALL") not_run_call_ = true;
        continue;
      }
      if (verdict.action == MysqlAction::routine) {
        routine(f, lines, s);
        continue;
      }
      if (verdict.action == MysqlAction::refuse) {
        const auto [line, col] = lines.at(s.word_at[verdict.word]);
        throw InputError(Location{f.shown, line, col},
                         verdict.why + "; refused: breakwater only runs schema statements");
      }
      std::string sql = f.text.substr(s.begin, s.end - s.begin);
      for (const auto& [mysql8, mariadb] : for_mariadb(sql)) {
        if (mapped.insert(mysql8).second) {
          const auto [line, col] = lines.at(s.begin);
          schema_.warnings.push_back({SourceRef{f.id, line, col},
                                      "MySQL 8 collation " + mysql8 +
                                          " is compared as MariaDB's " + mariadb});
        }
      }
      const std::string table = changed_table(f.text, s);
      const bool probe = migrations_ && !table.empty() && !created_here.contains(lower(table));
      const OnlineVerdict verdict_online = probe ? run_probing_online(session_, sql, s)
                                                 : OnlineVerdict{{}, {}, false, session_.run(sql)};
      if (const auto& error = verdict_online.error) {
        // A migration folder may begin mid-history: as for PostgreSQL, a warning.
        if (error->code == 1146 && (s.words[0] == "ALTER" || s.words[0] == "DROP" ||
                                    s.words[0] == "CREATE" || s.words[0] == "RENAME")) {
          const auto [line, col] = lines.at(s.begin);
          schema_.warnings.push_back({SourceRef{f.id, line, col},
                                      s.words[0] + " of a table no earlier statement creates (" +
                                          cleaned(error->message) + "); ignored"});
          continue;
        }
        // After a CALL that was not run, the schema may not be what the script expects (the
        // routine dropped the index it now creates): a statement the server then rejects is
        // left out with a note, not a failed run.
        if (not_run_call_ && error->code != 1064) {
          const auto [line, col] = lines.at(s.begin);
          schema_.warnings.push_back(
              {SourceRef{f.id, line, col},
               "statement left out: it fails here (" + cleaned(error->message) +
                   ", MariaDB " + std::to_string(error->code) +
                   ") after a CALL that was not run, whose changes it may depend on"});
          continue;
        }
        fail(f, lines, s, *error);
      }
      const size_t renames_before = pos_.renames.size();
      pos_.statement(f.text, lines, f.id, s.begin, s.end);
      trigger_statement(f, lines, s);
      if (!migrations_) continue;
      if (creates_table(s)) created_here.insert(lower(table));
      const auto [line, col] = lines.at(s.begin);
      if (probe) online_facts(f, s, table, verdict_online, SourceRef{f.id, line, col});
      for (size_t i = renames_before; i < pos_.renames.size(); ++i) {
        const DdlPositions::Rename& r = pos_.renames[i];
        schema_.roots.push_back(
            rename_fact(f.relative, schema_.roots.size(), r.table, r.from, r.to, r.at));
      }
    }
  }

  void read_back() {
    const std::string db = session_.database_literal();
    std::map<std::string, Entity> tables;
    for (const auto& r : session_.rows(
             "SELECT TABLE_NAME, TABLE_TYPE, ENGINE FROM information_schema.TABLES WHERE "
             "TABLE_SCHEMA = " + db + " ORDER BY TABLE_NAME")) {
      Entity e;
      e.kind = r[1].value_or("") == "VIEW" ? "view" : "table";
      e.key = e.name = r[0].value_or("");
      e.loc = pos_.tables[lower(e.key)];
      e.set("dialect", std::string("mysql"));
      if (r[2]) e.set("engine", *r[2]);
      tables[e.key] = std::move(e);
    }
    columns(tables);
    unique_keys(tables);
    foreign_keys(tables);
    checks(tables);
    for (auto& [name, e] : tables) schema_.roots.push_back(std::move(e));
    for (auto& [name, e] : routines_) schema_.roots.push_back(std::move(e));
    triggers();
    schema_.removed_at = std::move(pos_.removed);
  }

 private:
  // CREATE TRIGGER name {BEFORE|AFTER} event ON table / DROP TRIGGER name, just run: where each
  // trigger is written, and where it is dropped (as table.trigger, how findings name it).
  void trigger_statement(const SqlFile& f, const Lines& lines, const MysqlStatement& s) {
    const std::vector<std::string>& w = s.words;
    size_t k = 1;
    while (k < w.size() && k < 16 && w[k] != "TRIGGER" && w[k] != "(") ++k;
    if (k >= w.size() || w[k] != "TRIGGER" || (w[0] != "CREATE" && w[0] != "DROP")) return;
    ++k;
    if (k + 1 < w.size() && w[k] == "IF") k += w[k + 1] == "NOT" ? 3 : 2;
    if (k + 1 < w.size() && w[k + 1] == ".") k += 2;
    if (k >= w.size()) return;
    const std::string name = lower(written_name(f.text, s.word_at[k]));
    const auto [line, col] = lines.at(s.begin);
    const SourceRef at{f.id, line, col};
    if (w[0] == "DROP") {
      if (const auto t = trigger_tables_.find(name); t != trigger_tables_.end()) {
        pos_.removed[t->second + "." + written_name(f.text, s.word_at[k])] = at;
      }
      return;
    }
    triggers_at_[name] = at;
    for (size_t i = k + 1; i + 1 < w.size() && i < k + 8; ++i) {
      if (w[i] != "ON") continue;
      const size_t table = i + 2 < w.size() && w[i + 2] == "." ? i + 3 : i + 1;
      if (table < w.size()) trigger_tables_[name] = written_name(f.text, s.word_at[table]);
      break;
    }
  }

  // The triggers the server holds: which table, when, on what.
  void triggers() {
    for (const auto& r : session_.rows(
             "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION FROM "
             "information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = " + session_.database_literal() +
             " ORDER BY EVENT_OBJECT_TABLE, TRIGGER_NAME")) {
      Entity t;
      t.kind = "trigger";
      const std::string table = r[1].value_or("");
      t.key = t.name = table + "." + r[0].value_or("");
      const auto at = triggers_at_.find(lower(r[0].value_or("")));
      t.loc = at != triggers_at_.end() ? at->second : pos_.tables[lower(table)];
      t.set("table", table);
      t.set("timing", r[2].value_or(""));
      t.set("events", r[3].value_or(""));
      schema_.roots.push_back(std::move(t));
    }
  }

  // A stored procedure or function, as its callers see it (mysql_routines.hpp).
  void routine(const SqlFile& f, const Lines& lines, const MysqlStatement& s) {
    const auto [line, col] = lines.at(s.begin);
    const SourceRef at{f.id, line, col};
    const std::optional<RoutineHeader> h = routine_header(f.text, s);
    if (!h) {
      schema_.warnings.push_back({at, s.words[0] + " of a routine whose head is not read; "
                                                   "not compared"});
      return;
    }
    if (h->drop) {
      if (const auto it = routines_.find(lower(h->name)); it != routines_.end()) {
        pos_.removed[it->second.name] = at;
        routines_.erase(it);
      }
      return;
    }
    std::vector<std::string> types;
    for (const RoutineParam& p : h->params) types.push_back(p.type);
    if (h->function) types.push_back(h->returns);
    const std::vector<Entity> spelled = engine_types(types);
    Entity fn;
    fn.kind = "function";
    fn.name = h->name;
    fn.loc = at;
    fn.set("dialect", std::string("mysql"));
    fn.set("function", lower(h->name));
    std::string params;
    for (size_t i = 0; i < h->params.size(); ++i) {
      Entity param = spelled[i];
      param.kind = "param";
      param.key = std::to_string(i);
      param.name = (h->function ? "" : h->params[i].mode + " ") + std::string(param.str("type"));
      param.set("mode", h->params[i].mode);
      params += (params.empty() ? "" : ", ") + param.name;
      fn.children.push_back(std::move(param));
    }
    fn.key = lower(h->name) + "(" + params + ")";
    fn.name = h->name + "(" + params + ")";
    fn.set("params", params);
    fn.set("inputs", static_cast<int64_t>(h->params.size()));
    fn.set("defaults", int64_t{0});
    fn.set("returns", h->function ? std::string(spelled.back().str("type")) : "procedure", at);
    routines_[lower(h->name)] = std::move(fn);
  }

  // Types as the engine spells them (information_schema's COLUMN_TYPE, made canonical, with
  // character and byte lengths): columns of a scratch table, dropped at once. A type no column
  // can have is kept as written, upper case.
  std::vector<Entity> engine_types(const std::vector<std::string>& types) {
    std::vector<Entity> out(types.size());
    for (size_t i = 0; i < types.size(); ++i) {
      std::string raw = types[i];
      for (char& c : raw) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out[i].set("type", raw);
    }
    // Only plain type text goes into breakwater's own DDL: a comment (a version comment is
    // executed) or a statement break in it keeps the spellings as written.
    const bool plain = std::none_of(types.begin(), types.end(), [](const std::string& t) {
      return t.find("/*") != std::string::npos || t.find("--") != std::string::npos ||
             t.find('#') != std::string::npos || t.find(';') != std::string::npos;
    });
    if (types.empty() || !plain) return out;
    static constexpr const char* kScratch = "`breakwater$routine$types`";
    std::string ddl = std::string("CREATE TABLE ") + kScratch + " (";
    for (size_t i = 0; i < types.size(); ++i) {
      ddl += (i ? ", `c" : "`c") + std::to_string(i) + "` " + types[i];
    }
    ddl += ")";
    if (session_.run(ddl)) return out;
    for (const auto& r : session_.rows(
             "SELECT ORDINAL_POSITION, COLUMN_TYPE, CHARACTER_MAXIMUM_LENGTH, "
             "CHARACTER_OCTET_LENGTH FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = " +
             session_.database_literal() + " AND TABLE_NAME = 'breakwater$routine$types'")) {
      const size_t i = std::stoul(r[0].value_or("1")) - 1;
      if (i >= out.size()) continue;
      out[i].set("type", canonical_mysql_type(r[1].value_or("")));
      if (r[2]) out[i].set("max_chars", *r[2]);
      if (r[3]) out[i].set("max_bytes", *r[3]);
    }
    session_.run(std::string("DROP TABLE ") + kScratch);
    return out;
  }

  // What the statement costs running traffic, as the engine answered (mysql_online_ddl.hpp).
  void online_facts(const SqlFile& f, const MysqlStatement& s, const std::string& table,
                    const OnlineVerdict& v, SourceRef at) {
    const std::string what = (s.words[0] == "ALTER" ? "ALTER TABLE on " : "CREATE INDEX on ") +
                             detail::quoted(table);
    const std::string because = v.reason.empty() ? "" : " (" + v.reason + ")";
    const auto fact = [&](const char* name, std::string sentence) {
      schema_.roots.push_back(
          lock_fact(f.relative, schema_.roots.size(), name, table, std::move(sentence), at));
    };
    switch (v.cost) {
      case OnlineCost::copy:
        fact("copying_alter", what + (v.stated ? " asks for ALGORITHM=COPY"
                                               : " cannot run in place" + because) +
                                  ": the table is copied row by row and writes wait until the "
                                  "copy ends");
        break;
      case OnlineCost::blocks_writes:
        fact("write_blocking_alter", what + (v.stated ? " asks for a SHARED or EXCLUSIVE lock"
                                                      : " runs in place but not online" + because) +
                                         ": writes to the table wait until it ends");
        break;
      case OnlineCost::rebuild:
        fact("rebuilding_alter", what + " rebuilds the table in place" + because +
                                     ": writes go on, but every row is rewritten and replicas "
                                     "apply it as one long statement");
        break;
      case OnlineCost::online:
        if (adds_column_mid_table(s)) {
          fact("column_added_mid_table",
               what + " adds a column before the last one: instant on MariaDB 10.4+ and MySQL "
                      "8.0.29+, a full rebuild on MySQL 8.0.12-8.0.28 and 5.7");
        }
        break;
    }
  }

  void columns(std::map<std::string, Entity>& tables) {
    for (const auto& r : session_.rows(
             "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, "
             "CHARACTER_MAXIMUM_LENGTH, CHARACTER_OCTET_LENGTH, IS_GENERATED, COLLATION_NAME FROM "
             "information_schema.COLUMNS WHERE TABLE_SCHEMA = " + session_.database_literal() +
             " ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
      const auto t = tables.find(r[0].value_or(""));
      if (t == tables.end()) continue;
      Entity& table = t->second;
      Entity col;
      col.kind = table.kind == "view" ? "view_column" : "column";
      col.key = col.name = r[1].value_or("");
      const auto& declared = pos_.columns[lower(table.key)];
      const auto at = declared.find(lower(col.key));
      col.loc = at != declared.end() ? at->second : table.loc;
      if (table.kind == "table") {
        col.set("type", canonical_mysql_type(r[2].value_or("")), col.loc);
        if (r[3].value_or("") == "NO") col.set("not_null", true, col.loc);
        // MariaDB spells "no default" on a nullable column as the text NULL.
        if (r[4] && *r[4] != "NULL") col.set("default", *r[4], col.loc);
        const std::string extra = lower(r[5].value_or(""));
        if (extra.find("auto_increment") != std::string::npos) col.set("identity", true, col.loc);
        if (r[8].value_or("NEVER") == "ALWAYS") col.set("generated", true, col.loc);
        if (r[6]) col.set("max_chars", *r[6]);
        if (r[7]) col.set("max_bytes", *r[7]);
        // A CONVERT TO CHARACTER SET after the column's definition is where it changed.
        const auto converted = pos_.converted.find(lower(table.key));
        const bool later = converted != pos_.converted.end() &&
                           std::tie(converted->second.file, converted->second.line) >
                               std::tie(col.loc.file, col.loc.line);
        if (r[9]) col.set("collation", *r[9], later ? converted->second : col.loc);
      }
      table.children.push_back(std::move(col));
    }
  }

  void unique_keys(std::map<std::string, Entity>& tables) {
    struct Key {
      std::string table, columns, parts;
    };
    std::map<std::pair<std::string, std::string>, Key> keys;
    for (const auto& r : session_.rows(
             "SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, SUB_PART FROM "
             "information_schema.STATISTICS WHERE TABLE_SCHEMA = " + session_.database_literal() +
             " AND NON_UNIQUE = 0 ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")) {
      Key& k = keys[{r[0].value_or(""), r[1].value_or("")}];
      k.table = r[0].value_or("");
      const std::string col = r[2].value_or("(expression)");
      k.columns += (k.columns.empty() ? "" : ", ") + col;
      // A prefix (email(10)) is a different, stricter key than the whole column.
      k.parts += (k.parts.empty() ? "" : ", ") + col + (r[3] ? "(" + *r[3] + ")" : "");
    }
    for (const auto& [id, k] : keys) {
      const auto t = tables.find(k.table);
      if (t == tables.end()) continue;
      const bool pk = id.second == "PRIMARY";
      Entity con;
      con.kind = "constraint";
      con.loc = constraint_at(t->second, id.second);
      con.key = pk ? "primary key" : "unique (" + k.parts + ")";
      con.name = id.second;
      con.set("type", std::string(pk ? "primary key" : "unique"), con.loc);
      con.set("columns", k.columns, con.loc);
      con.set("conname", id.second);
      t->second.children.push_back(std::move(con));
    }
  }

  void foreign_keys(std::map<std::string, Entity>& tables) {
    struct Fk {
      std::string table, from, target, to;
    };
    std::map<std::pair<std::string, std::string>, Fk> fks;
    for (const auto& r : session_.rows(
             // KEY_COLUMN_USAGE names the referenced column of foreign keys only; no join
             // with REFERENTIAL_CONSTRAINTS (two materialised tables) is needed.
             "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, "
             "REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE "
             "TABLE_SCHEMA = " + session_.database_literal() +
             " AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY TABLE_NAME, CONSTRAINT_NAME, "
             "ORDINAL_POSITION")) {
      Fk& fk = fks[{r[0].value_or(""), r[1].value_or("")}];
      fk.table = r[0].value_or("");
      fk.from += (fk.from.empty() ? "" : ", ") + r[2].value_or("");
      fk.target = r[3].value_or("");
      fk.to += (fk.to.empty() ? "" : ", ") + r[4].value_or("");
    }
    for (const auto& [id, fk] : fks) {
      const auto t = tables.find(fk.table);
      if (t == tables.end()) continue;
      Entity con;
      con.kind = "constraint";
      con.loc = constraint_at(t->second, id.second);
      const std::string target = fk.target + " (" + fk.to + ")";
      con.key = "foreign key (" + fk.from + ") references " + target;
      con.name = id.second;
      con.set("type", std::string("foreign key"), con.loc);
      con.set("columns", fk.from, con.loc);
      con.set("references", target, con.loc);
      con.set("conname", id.second);
      t->second.children.push_back(std::move(con));
    }
  }

  void checks(std::map<std::string, Entity>& tables) {
    for (const auto& r : session_.rows(
             "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL FROM "
             "information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = " +
             session_.database_literal() + " ORDER BY TABLE_NAME, CONSTRAINT_NAME")) {
      const auto t = tables.find(r[0].value_or(""));
      if (t == tables.end()) continue;
      Entity con;
      con.kind = "constraint";
      const bool column_level = r[3].value_or("") == "Column";
      const std::string name = r[1].value_or("");
      const auto& declared = pos_.columns[lower(t->first)];
      const auto at = column_level ? declared.find(lower(name)) : declared.end();
      con.loc = at != declared.end() ? at->second : constraint_at(t->second, name);
      // The server's own normalised text of the condition.
      con.key = "check " + r[2].value_or("");
      con.name = name;
      con.set("type", std::string("check"), con.loc);
      if (column_level) con.set("columns", name, con.loc);
      con.set("conname", name);
      t->second.children.push_back(std::move(con));
    }
  }

  // Where a constraint was added after its table, else its table's declaration.
  SourceRef constraint_at(const Entity& table, const std::string& name) {
    const auto& added = pos_.constraints[lower(table.key)];
    if (const auto it = added.find(lower(name)); it != added.end()) return it->second;
    return table.loc;
  }

  // The server's message without breakwater's database name.
  std::string cleaned(std::string message) const {
    static const std::regex own("`?breakwater_[0-9]+`?\\.");
    return std::regex_replace(message, own, "");
  }

  [[noreturn]] void fail(const SqlFile& f, const Lines& lines, const MysqlStatement& s,
                         const MysqlError& error) const {
    auto [line, col] = lines.at(s.begin);
    std::string message = cleaned(error.message);
    // "You have an error in your SQL syntax; ... near 'xyz' at line N": at that line of the
    // statement, where the quoted text starts.
    static const std::regex syntax("near '([\\s\\S]*)' at line ([0-9]+)$");
    std::smatch m;
    if (error.code == 1064 && std::regex_search(message, m, syntax)) {
      const std::string near = m[1].str();
      const uint32_t at_line = line + static_cast<uint32_t>(std::stoul(m[2].str())) - 1;
      size_t offset = s.begin;
      for (uint32_t l = line; l < at_line && offset < s.end; ++l) {
        offset = f.text.find('\n', offset) + 1;
      }
      const size_t found = near.empty() ? std::string::npos
                                        : f.text.find(near.substr(0, near.find('\n')), offset);
      std::tie(line, col) = lines.at(found != std::string::npos && found < s.end ? found : offset);
      message = "syntax error near " + detail::quoted(near.substr(0, 40), '\'');
    }
    throw InputError(Location{f.shown, line, col}, message + " (MariaDB " +
                                                       std::to_string(error.code) + ")");
  }

  Schema& schema_;
  std::map<std::string, Entity> routines_;  // by lower-case name: MySQL's are case-insensitive
  std::map<std::string, SourceRef> triggers_at_;     // lower-case trigger name -> its CREATE
  std::map<std::string, std::string> trigger_tables_;  // lower-case trigger name -> its table
  bool migrations_ = false;
  bool not_run_call_ = false;  // a CALL was noted and skipped: the schema may differ from here
  MysqlSession session_;
  DdlPositions pos_;
};

}  // namespace

void load_mysql(const std::vector<SqlFile>& files, Schema& schema, bool migrations) {
  Loader loader(schema, migrations);
  for (const SqlFile& f : files) loader.file(f);
  loader.read_back();
}

}  // namespace breakwater::sql
