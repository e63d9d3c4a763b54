// PostgreSQL DDL on PostgreSQL's own grammar (libpg_query), replayed statement by statement into
// the schema state it leaves: tables with their columns, and enum types.
#include "formats/sql/load.hpp"

#include "core/parallel.hpp"
#include "formats/sql/lines.hpp"
#include "formats/sql/sqlite_load.hpp"
#include "formats/sql/types.hpp"

#include <pg_query.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace breakwater::sql {
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

struct ParseResult {
  PgQueryParseResult result;
  explicit ParseResult(const std::string& text) : result(pg_query_parse(text.c_str())) {}
  ~ParseResult() { pg_query_free_parse_result(result); }
  ParseResult(const ParseResult&) = delete;
  ParseResult& operator=(const ParseResult&) = delete;
};

std::string read_text(const fs::path& path, const std::string& shown) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(Location{shown, 0, 0}, "cannot read file");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Children without copying: json::value() returns a copy of the whole subtree.
const Json& child(const Json& node, const char* key) {
  static const Json empty_object = Json::object();
  if (!node.is_object()) return empty_object;
  const auto it = node.find(key);
  return it == node.end() ? empty_object : *it;
}

const Json& list(const Json& node, const char* key) {
  static const Json empty_array = Json::array();
  if (!node.is_object()) return empty_array;
  const auto it = node.find(key);
  return it == node.end() || !it->is_array() ? empty_array : *it;
}

std::string sval(const Json& node) {
  if (node.contains("String")) return node["String"].value("sval", "");
  return {};
}

std::vector<std::string> names_of(const Json& list) {
  std::vector<std::string> out;
  if (list.is_array()) {
    for (const Json& n : list) out.push_back(sval(n));
  }
  return out;
}

std::string qualified(const Json& range_var) {
  return range_var.value("schemaname", std::string("public")) + "." +
         range_var.value("relname", std::string());
}

std::string qualified(const std::vector<std::string>& names) {
  if (names.size() == 1) return "public." + names[0];
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ".") + n;
  return out;
}

// An expression as a comparable value: the parse tree without positions.
std::string expression_key(Json expr) {
  std::vector<Json*> stack = {&expr};
  while (!stack.empty()) {
    Json* j = stack.back();
    stack.pop_back();
    if (j->is_object()) {
      j->erase("location");
      for (auto& [k, v] : j->items()) stack.push_back(&v);
    } else if (j->is_array()) {
      for (auto& v : *j) stack.push_back(&v);
    }
  }
  return expr.dump();
}

class Replay {
 public:
  Replay(uint32_t file, const std::string& text, const Lines& lines)
      : file_(file), text_(text), text_size_(text.size()), lines_(lines) {}

  void statement(const Json& wrapper) {
    // Nodes without a position of their own (enum values) are placed at their statement.
    size_t offset = base_ + wrapper.value("stmt_location", size_t{0});
    while (offset < text_size_ && std::isspace(static_cast<unsigned char>(text_at_(offset))))
      ++offset;
    const auto [line, column] = lines_.at(offset);
    statement_at_ = SourceRef{file_, line, column};
    const Json& stmt = wrapper["stmt"];
    note_locking(stmt);
    if (stmt.contains("CreateStmt")) return create_table(stmt["CreateStmt"]);
    if (stmt.contains("AlterTableStmt")) return alter_table(stmt["AlterTableStmt"]);
    if (stmt.contains("DropStmt")) return drop(stmt["DropStmt"]);
    if (stmt.contains("CreateEnumStmt")) return create_enum(stmt["CreateEnumStmt"]);
    if (stmt.contains("AlterEnumStmt")) return alter_enum(stmt["AlterEnumStmt"]);
    if (stmt.contains("RenameStmt")) return rename(stmt["RenameStmt"]);
    if (stmt.contains("IndexStmt")) return create_index(stmt["IndexStmt"]);
    if (stmt.contains("ViewStmt")) {
      const Json& v = stmt["ViewStmt"];
      return create_view(v["view"], v["query"], false);
    }
    if (stmt.contains("CreateTableAsStmt")) {
      const Json& v = stmt["CreateTableAsStmt"];
      if (v.value("objtype", "") == "OBJECT_MATVIEW") {
        create_view(v["into"]["rel"], v["query"], true);
      }
      return;
    }
    if (stmt.contains("CreateSchemaStmt")) {
      const std::string name = stmt["CreateSchemaStmt"].value("schemaname", "");
      return simple(schemas_, "schema", name, statement_at_);
    }
    if (stmt.contains("CreateSeqStmt")) {
      const Json& r = stmt["CreateSeqStmt"]["sequence"];
      return simple(sequences_, "sequence", qualified(r), at(r));
    }
    // Statements that do not change what applications can see of the schema.
    static const char* const no_effect[] = {"VariableSetStmt",
                                            "SelectStmt",
                                            "GrantStmt",
                                            "GrantRoleStmt",
                                            "AlterOwnerStmt",
                                            "CommentStmt",
                                            "AlterSeqStmt",
                                            "CreateExtensionStmt",
                                            "TransactionStmt",
                                            "IndexStmt",
                                            "AlterDefaultPrivilegesStmt",
                                            "CreateTableAsStmt",
                                            "ExplainStmt",
                                            "VacuumStmt",
                                            "AnalyzeStmt",
                                            "DoStmt"};
    for (const auto& [kind, node] : stmt.items()) {
      if (std::find(std::begin(no_effect), std::end(no_effect), kind) != std::end(no_effect))
        continue;
      warnings_.push_back(
          {statement_at_, kind + " is not compared yet; changes it makes are not checked"});
    }
  }

  std::vector<Diagnostic>& warnings() { return warnings_; }

  // A new file of the input starts: the lock-relevant state of a migration is per file.
  void start_file(const std::string& relative) {
    file_rel_ = relative;
    created_here_.clear();
    lock_timeout_ = false;
    timeout_reported_ = false;
    Entity f;
    f.kind = "migration_file";
    f.key = f.name = relative;
    f.loc = SourceRef{file_, 1, 1};
    locking_.push_back(std::move(f));
  }
  std::vector<Entity>& locking() { return locking_; }

 private:
  // Facts for the LOCKING rules, kept per statement; the rules report them only for files that
  // are new in NEW (the migrations about to run). Tables created in the same file hold no rows
  // yet, so nothing about them can lock anyone out.
  void lock_issue(const char* rule, const std::string& table, std::string what) {
    Entity e;
    e.kind = "lock_issue";
    e.key = file_rel_ + "#" + std::to_string(locking_.size());
    e.name = table;
    e.loc = statement_at_;
    e.set("rule", std::string(rule));
    e.set("file", file_rel_);
    e.set("what", std::move(what));
    locking_.push_back(std::move(e));
  }

  void note_locking(const Json& stmt) {
    if (stmt.contains("VariableSetStmt")) {
      if (stmt["VariableSetStmt"].value("name", "") == "lock_timeout") lock_timeout_ = true;
      return;
    }
    if (stmt.contains("CreateStmt")) {
      created_here_.insert(qualified(stmt["CreateStmt"]["relation"]));
      return;
    }
    std::string table;
    bool exclusive = false;
    if (stmt.contains("IndexStmt")) {
      const Json& ix = stmt["IndexStmt"];
      table = qualified(ix["relation"]);
      if (created_here_.contains(table)) return;
      if (!ix.value("concurrent", false)) {
        lock_issue("INDEX_CONCURRENTLY", table,
                   "CREATE INDEX on " + table + " without CONCURRENTLY blocks writes until built");
      }
    } else if (stmt.contains("DropStmt")) {
      const Json& d = stmt["DropStmt"];
      if (d.value("removeType", "") == "OBJECT_INDEX" && !d.value("concurrent", false)) {
        lock_issue("INDEX_CONCURRENTLY", "index",
                   "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on its table");
      }
      return;
    } else if (stmt.contains("AlterTableStmt")) {
      const Json& a = stmt["AlterTableStmt"];
      table = qualified(a["relation"]);
      if (created_here_.contains(table)) return;
      exclusive = true;
      for (const Json& item : list(a, "cmds")) {
        const Json& cmd = item["AlterTableCmd"];
        if (cmd.value("subtype", "") != "AT_AddConstraint" || !cmd.contains("def")) continue;
        const Json& c = cmd["def"]["Constraint"];
        const std::string type = c.value("contype", "");
        if ((type == "CONSTR_CHECK" || type == "CONSTR_FOREIGN") &&
            !c.value("skip_validation", false)) {
          lock_issue("CONSTRAINT_NOT_VALID", table,
                     std::string(type == "CONSTR_CHECK" ? "CHECK" : "FOREIGN KEY") + " added to " +
                         table + " without NOT VALID scans it under lock");
        }
      }
    }
    if (exclusive && !lock_timeout_ && !timeout_reported_) {
      timeout_reported_ = true;
      lock_issue(
          "LOCK_TIMEOUT", table,
          "ALTER TABLE " + table + " waits for an ACCESS EXCLUSIVE lock with no lock_timeout");
    }
  }

  // ADD COLUMN rewrites when every existing row needs a computed value: a volatile default or
  // a stored generated column. Constant defaults are stored once (PostgreSQL 11+).
  static bool rewrites_on_add(const Json& def) {
    static const char* const volatile_calls[] = {
        "random",          "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v4",
        "clock_timestamp", "timeofday",       "nextval",          "txid_current"};
    for (const Json& c : list(def, "constraints")) {
      const Json& con = c["Constraint"];
      const std::string type = con.value("contype", "");
      if (type == "CONSTR_GENERATED") return true;
      if (type != "CONSTR_DEFAULT" || !con.contains("raw_expr")) continue;
      const std::string expr = con["raw_expr"].dump();
      for (const char* f : volatile_calls) {
        if (expr.find("\"sval\":\"" + std::string(f) + "\"") != std::string::npos) return true;
      }
    }
    return false;
  }

  // A CHECK (col IS NOT NULL) already on the table lets SET NOT NULL skip its scan.
  static bool proven_not_null(const Entity& table, const std::string& column) {
    for (const Entity& c : table.children) {
      if (c.kind != "constraint" || c.str("type") != "check") continue;
      if (c.key.find("NullTest") != std::string::npos &&
          c.key.find("\"sval\":\"" + column + "\"") != std::string::npos) {
        return true;
      }
    }
    return false;
  }

  std::string file_rel_;
  std::set<std::string> created_here_;
  bool lock_timeout_ = false, timeout_reported_ = false;
  std::vector<Entity> locking_;

 public:
  // Statements are parsed one by one; their positions are relative to where they start.
  void set_base(size_t offset) { base_ = offset; }

  std::map<std::string, Entity>& schemas() { return schemas_; }
  std::map<std::string, Entity>& views() { return views_; }
  std::map<std::string, Entity>& sequences() { return sequences_; }

  std::map<std::string, Entity>& tables() { return tables_; }
  std::map<std::string, Entity>& enums() { return enums_; }

 private:
  SourceRef at(const Json& node) const {
    if (!node.is_object() || !node.contains("location")) return {file_, 0, 0};
    const auto [line, column] = lines_.at(base_ + node["location"].get<size_t>());
    return {file_, line, column};
  }

  ColumnType type_of(const Json& type_name, bool* serial) const {
    std::vector<long> mods;
    for (const Json& m : list(type_name, "typmods")) {
      if (m.contains("A_Const") && m["A_Const"].contains("ival")) {
        mods.push_back(m["A_Const"]["ival"].value("ival", 0L));
      }
    }
    const int dims = static_cast<int>(list(type_name, "arrayBounds").size());
    return canonical_type(names_of(type_name["names"]), std::move(mods), dims, serial);
  }

  void column_constraint(Entity& column, const Json& c) {
    const std::string type = c.value("contype", "");
    if (type == "CONSTR_NOTNULL" || type == "CONSTR_PRIMARY") {
      column.set("not_null", true, at(c));
    } else if (type == "CONSTR_DEFAULT" && c.contains("raw_expr")) {
      column.set("default", expression_key(c["raw_expr"]), at(c));
    } else if (type == "CONSTR_IDENTITY") {
      column.set("identity", true, at(c));
      column.set("not_null", true, at(c));
    } else if (type == "CONSTR_GENERATED") {
      column.set("generated", true, at(c));
    }
  }

  Entity column(const Json& def) {
    Entity col;
    col.kind = "column";
    col.key = def.value("colname", "");
    col.name = col.key;
    col.loc = at(def);
    bool serial = false;
    const ColumnType t = type_of(def["typeName"], &serial);
    col.set("type", t.text(), at(def["typeName"]));
    if (serial) {
      col.set("default", std::string("nextval()"), at(def["typeName"]));
      col.set("not_null", true, at(def["typeName"]));
    }
    for (const Json& c : list(def, "constraints")) {
      if (c.contains("Constraint")) column_constraint(col, c["Constraint"]);
    }
    return col;
  }

  static Entity* find_column(Entity& table, const std::string& name) {
    for (Entity& c : table.children) {
      if (c.key == name) return &c;
    }
    return nullptr;
  }

  void create_table(const Json& s) {
    Entity table;
    table.kind = "table";
    table.key = qualified(s["relation"]);
    table.name = table.key;
    table.loc = at(s["relation"]);
    for (const Json& e : list(s, "tableElts")) {
      if (e.contains("ColumnDef")) table.children.push_back(column(e["ColumnDef"]));
    }
    for (const Json& e : list(s, "tableElts")) {
      if (e.contains("Constraint")) add_constraint(table, e["Constraint"], {});
      if (!e.contains("ColumnDef")) continue;
      for (const Json& c : list(e["ColumnDef"], "constraints")) {
        add_constraint(table, c["Constraint"], {e["ColumnDef"].value("colname", "")});
      }
    }
    tables_[table.key] = std::move(table);
  }

  // PRIMARY KEY, UNIQUE, CHECK and FOREIGN KEY, keyed by what they enforce rather than by name
  // (generated names differ between hand-written DDL and pg_dump output).
  void add_constraint(Entity& table, const Json& c, const std::vector<std::string>& column) {
    const std::string contype = c.value("contype", "");
    const char* type = contype == "CONSTR_PRIMARY"   ? "primary key"
                       : contype == "CONSTR_UNIQUE"  ? "unique"
                       : contype == "CONSTR_CHECK"   ? "check"
                       : contype == "CONSTR_FOREIGN" ? "foreign key"
                                                     : nullptr;
    if (type == nullptr) return;
    std::vector<std::string> cols =
        names_of(list(c, contype == "CONSTR_FOREIGN" ? "fk_attrs" : "keys"));
    if (cols.empty()) cols = column;
    std::string joined;
    for (const auto& col : cols) joined += (joined.empty() ? "" : ", ") + col;
    Entity con;
    con.kind = "constraint";
    con.loc = at(c);
    con.set("type", std::string(type), at(c));
    con.set("columns", joined, at(c));
    std::string key = std::string(type) + " (" + joined + ")";
    if (contype == "CONSTR_PRIMARY") {
      key = "primary key";
      for (const auto& col : cols) {
        if (Entity* e = find_column(table, col)) e->set("not_null", true, at(c));
      }
    } else if (contype == "CONSTR_CHECK" && c.contains("raw_expr")) {
      key += " " + expression_key(c["raw_expr"]);
    } else if (contype == "CONSTR_FOREIGN") {
      std::string refs;
      for (const auto& r : names_of(list(c, "pk_attrs"))) {
        refs += (refs.empty() ? "" : ", ") + r;
      }
      const std::string target = qualified(c["pktable"]) + " (" + refs + ")";
      con.set("references", target, at(c));
      key += " references " + target;
    }
    // PostgreSQL's own names for unnamed constraints, so DROP CONSTRAINT finds them.
    const std::string table_name = table.key.substr(table.key.find('.') + 1);
    std::string fallback = table_name + "_" + (cols.empty() ? "" : cols.front() + "_") +
                           (contype == "CONSTR_UNIQUE"  ? "key"
                            : contype == "CONSTR_CHECK" ? "check"
                                                        : "fkey");
    if (contype == "CONSTR_PRIMARY") fallback = table_name + "_pkey";
    con.set("conname", c.value("conname", fallback));
    con.key = key;
    con.name = c.value("conname", key);
    table.children.push_back(std::move(con));
  }

  void create_index(const Json& s) {
    if (!s.value("unique", false)) return;  // only uniqueness changes what data is accepted
    auto it = tables_.find(qualified(s["relation"]));
    if (it == tables_.end()) return;
    std::string joined;
    for (const Json& p : list(s, "indexParams")) {
      joined += (joined.empty() ? "" : ", ") + p["IndexElem"].value("name", "(expression)");
    }
    Entity con;
    con.kind = "constraint";
    con.loc = at(s["relation"]);
    con.key = "unique (" + joined + ")" +
              (s.contains("whereClause") ? " where " + expression_key(s["whereClause"]) : "");
    con.name = s.value("idxname", con.key);
    con.set("type", std::string("unique"), con.loc);
    con.set("columns", joined, con.loc);
    con.set("conname", s.value("idxname", ""));
    it->second.children.push_back(std::move(con));
  }

  void create_view(const Json& range_var, const Json& query, bool materialized) {
    Entity view;
    view.kind = "view";
    view.key = qualified(range_var);
    view.name = view.key;
    view.loc = at(range_var);
    if (materialized) view.set("materialized", true);
    const Json& select = child(query, "SelectStmt");
    for (const Json& t : list(select, "targetList")) {
      const Json& target = t["ResTarget"];
      std::string name = target.value("name", "");
      if (name.empty() && target.contains("val") && target["val"].contains("ColumnRef")) {
        const Json& fields = target["val"]["ColumnRef"]["fields"];
        if (!fields.empty() && fields.back().contains("A_Star")) {
          view.set("star", true);  // SELECT *: the output columns depend on the tables
          continue;
        }
        if (!fields.empty()) name = sval(fields.back());
      }
      if (name.empty()) name = "?column?";
      Entity col;
      col.kind = "view_column";
      col.key = col.name = name;
      col.loc = at(target);
      view.children.push_back(std::move(col));
    }
    views_[view.key] = std::move(view);
  }

  void simple(std::map<std::string, Entity>& into, std::string_view kind, const std::string& key,
              SourceRef where) {
    Entity e;
    e.kind = kind;
    e.key = e.name = key;
    e.loc = where;
    into[key] = std::move(e);
  }

  void alter_table(const Json& s) {
    if (s.value("objtype", "") != "OBJECT_TABLE") return;
    auto it = tables_.find(qualified(s["relation"]));
    if (it == tables_.end()) {
      warnings_.push_back({at(s["relation"]), "ALTER TABLE of " + qualified(s["relation"]) +
                                                  ", which no earlier statement creates; ignored"});
      return;
    }
    Entity& table = it->second;
    for (const Json& item : list(s, "cmds")) {
      const Json& cmd = item["AlterTableCmd"];
      const std::string sub = cmd.value("subtype", "");
      const std::string name = cmd.value("name", "");
      Entity* col = name.empty() ? nullptr : find_column(table, name);
      if (sub == "AT_AddColumn" && cmd.contains("def")) {
        const Json& def = cmd["def"]["ColumnDef"];
        if (!created_here_.contains(table.key) && rewrites_on_add(def)) {
          lock_issue("COLUMN_VOLATILE_DEFAULT", table.key,
                     "adding " + table.key + "." + def.value("colname", "") +
                         " with a volatile default or as a stored generated column rewrites the "
                         "table under an ACCESS EXCLUSIVE lock");
        }
        std::erase_if(table.children, [&](const Entity& c) {
          return c.kind == "column" && c.key == def.value("colname", "");
        });
        table.children.push_back(column(def));
        for (const Json& c : list(def, "constraints")) {
          add_constraint(table, c["Constraint"], {def.value("colname", "")});
        }
      } else if (sub == "AT_AddConstraint" && cmd.contains("def")) {
        add_constraint(table, cmd["def"]["Constraint"], {});
      } else if (sub == "AT_DropConstraint") {
        std::erase_if(table.children, [&](const Entity& c) {
          return c.kind == "constraint" && c.str("conname") == name;
        });
      } else if (sub == "AT_DropColumn") {
        std::erase_if(table.children, [&](const Entity& c) { return c.key == name; });
      } else if (col == nullptr) {
        continue;
      } else if (sub == "AT_AlterColumnType") {
        const Json& type_name = cmd["def"]["ColumnDef"]["typeName"];
        const ColumnType new_type = type_of(type_name, nullptr);
        const std::string old_text(col->str("type"));
        if (!created_here_.contains(table.key) &&
            !binary_coercible(parse_type(old_text), new_type)) {
          lock_issue("COLUMN_TYPE_REWRITE", table.key,
                     "changing " + table.key + "." + name + " from " + old_text + " to " +
                         new_type.text() + " rewrites the table under an ACCESS EXCLUSIVE lock");
        }
        col->set("type", new_type.text(), at(type_name));
      } else if (sub == "AT_DropIdentity") {
        std::erase_if(col->attrs, [](const Attr& a) { return a.name == "identity"; });
      } else if (sub == "AT_AddIdentity") {
        col->set("identity", true, at(s["relation"]));
      } else if (sub == "AT_SetNotNull") {
        if (!created_here_.contains(table.key) && !proven_not_null(table, name)) {
          lock_issue("SET_NOT_NULL_SCAN", table.key,
                     "SET NOT NULL on " + table.key + "." + name +
                         " scans the table under an ACCESS EXCLUSIVE lock (no validated CHECK "
                         "proves it first)");
        }
        col->set("not_null", true, at(s["relation"]));
      } else if (sub == "AT_DropNotNull") {
        std::erase_if(col->attrs, [](const Attr& a) { return a.name == "not_null"; });
      } else if (sub == "AT_ColumnDefault") {
        if (cmd.contains("def")) {
          col->set("default", expression_key(cmd["def"]), at(cmd["def"]));
        } else {
          std::erase_if(col->attrs, [](const Attr& a) { return a.name == "default"; });
        }
      }
    }
  }

  void drop(const Json& s) {
    const std::string type = s.value("removeType", "");
    for (const Json& o : list(s, "objects")) {
      if (type == "OBJECT_SCHEMA") {
        const std::string schema = sval(o);
        schemas_.erase(schema);
        // DROP SCHEMA ... CASCADE takes everything in it along.
        for (auto* m : {&tables_, &enums_, &views_, &sequences_}) {
          std::erase_if(*m, [&](const auto& kv) { return kv.first.starts_with(schema + "."); });
        }
        continue;
      }
      const Json& items =
          o.contains("List") ? o["List"]["items"] : list(child(o, "TypeName"), "names");
      const std::string key = qualified(names_of(items));
      if (type == "OBJECT_TABLE") tables_.erase(key);
      if (type == "OBJECT_TYPE") enums_.erase(key);
      if (type == "OBJECT_VIEW" || type == "OBJECT_MATVIEW") views_.erase(key);
      if (type == "OBJECT_SEQUENCE") sequences_.erase(key);
      if (type != "OBJECT_TABLE" && type != "OBJECT_TYPE" && type != "OBJECT_VIEW" &&
          type != "OBJECT_MATVIEW" && type != "OBJECT_SEQUENCE" && type != "OBJECT_INDEX") {
        warnings_.push_back({statement_at_, "DROP of " + type + " is not compared yet"});
      }
      if (type == "OBJECT_INDEX" && !names_of(items).empty()) {
        const std::string name = names_of(items).back();
        for (auto& [k, table] : tables_) {
          std::erase_if(table.children, [&](const Entity& c) {
            return c.kind == "constraint" && c.str("conname") == name;
          });
        }
      }
    }
  }

  void create_enum(const Json& s) {
    Entity e;
    e.kind = "enum";
    e.key = qualified(names_of(s["typeName"]));
    e.name = e.key;
    e.loc = statement_at_;
    for (const Json& v : list(s, "vals")) {
      Entity value;
      value.kind = "enum_value";
      value.loc = statement_at_;
      value.key = sval(v);
      value.name = value.key;
      e.children.push_back(std::move(value));
    }
    enums_[e.key] = std::move(e);
  }

  void alter_enum(const Json& s) {
    auto it = enums_.find(qualified(names_of(s["typeName"])));
    if (it == enums_.end()) return;
    auto& values = it->second.children;
    if (s.contains("oldVal")) {
      for (Entity& v : values) {
        if (v.key == s["oldVal"].get<std::string>()) v.key = v.name = s.value("newVal", "");
      }
      return;
    }
    Entity value;
    value.kind = "enum_value";
    value.key = value.name = s.value("newVal", "");
    value.loc = statement_at_;
    auto pos = values.end();
    if (s.contains("newValNeighbor")) {
      pos = std::find_if(values.begin(), values.end(),
                         [&](const Entity& v) { return v.key == s["newValNeighbor"]; });
      if (pos != values.end() && s.value("newValIsAfter", false)) ++pos;
    }
    values.insert(pos, std::move(value));
  }

  void rename(const Json& s) {
    const std::string type = s.value("renameType", "");
    const std::string new_name = s.value("newname", "");
    if (type == "OBJECT_TABLE") {
      auto node = tables_.extract(qualified(s["relation"]));
      if (node.empty()) return;
      const std::string schema = s["relation"].value("schemaname", std::string("public"));
      node.key() = schema + "." + new_name;
      renamed("table", qualified(s["relation"]), node.key());
      node.mapped().key = node.mapped().name = node.key();
      tables_.insert(std::move(node));
    } else if (type == "OBJECT_COLUMN") {
      auto it = tables_.find(qualified(s["relation"]));
      if (it == tables_.end()) return;
      if (Entity* col = find_column(it->second, s.value("subname", ""))) {
        renamed("column", it->first + "." + col->key, it->first + "." + new_name);
        col->key = col->name = new_name;
      }
    }
  }

  // An explicit RENAME: in a new migration it is reported as a rename, not as a drop and an add.
  void renamed(const char* what, const std::string& from, const std::string& to) {
    Entity e;
    e.kind = "rename";
    e.key = file_rel_ + "#" + std::to_string(locking_.size());
    e.name = from;
    e.loc = statement_at_;
    e.set("file", file_rel_);
    e.set("what", std::string(what));
    e.set("to", to);
    locking_.push_back(std::move(e));
  }

  char text_at_(size_t i) const { return text_[i]; }

  uint32_t file_;
  const std::string& text_;
  size_t text_size_;
  const Lines& lines_;
  SourceRef statement_at_;
  size_t base_ = 0;
  std::vector<Diagnostic> warnings_;
  std::map<std::string, Entity> tables_, enums_, schemas_, views_, sequences_;
};

struct SplitResult {
  PgQuerySplitResult result;
  explicit SplitResult(const std::string& text)
      : result(pg_query_split_with_scanner(text.c_str())) {}
  ~SplitResult() { pg_query_free_split_result(result); }
  SplitResult(const SplitResult&) = delete;
  SplitResult& operator=(const SplitResult&) = delete;
};

// One statement's parse: its JSON tree, or the parser's error (a 1-based character position in
// the statement) — kept apart so the first error in file order is the one reported.
struct Parsed {
  size_t offset = 0, length = 0;
  std::string tree;
  int error_at = 0;
  std::string error;
};

// MySQL dumps are the most common wrong input: `backquoted` names, ENGINE=, AUTO_INCREMENT.
bool looks_like_mysql(const std::string& text) {
  if (text.find("ENGINE=") != std::string::npos ||
      text.find("AUTO_INCREMENT") != std::string::npos) {
    return true;
  }
  for (size_t open = text.find('`'); open != std::string::npos; open = text.find('`', open + 1)) {
    size_t i = open + 1;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_'))
      ++i;
    if (i > open + 1 && i < text.size() && text[i] == '`') return true;
  }
  return false;
}

[[noreturn]] void syntax_error(const std::string& text, const Lines& lines,
                               const std::string& shown, size_t statement_offset,
                               int char_in_statement, std::string message) {
  int chars_before = 0;
  for (size_t i = 0; i < statement_offset; ++i) {
    chars_before += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  const auto [line, column] = lines.at(lines.byte_of_char(chars_before + char_in_statement));
  if (looks_like_mysql(text))
    message += " (this looks like MySQL; breakwater reads PostgreSQL DDL)";
  throw InputError(Location{shown, line, column}, message);
}

// Splits with PostgreSQL's scanner and parses the statements on worker threads: a 20 MB dump
// is parsed in parallel and never held as one giant tree.
std::vector<Parsed> parse_statements(const std::string& text, const Lines& lines,
                                     const std::string& shown, unsigned jobs) {
  SplitResult split(text);
  if (split.result.error != nullptr) {
    syntax_error(text, lines, shown, 0, split.result.error->cursorpos, split.result.error->message);
  }
  std::vector<Parsed> out(static_cast<size_t>(split.result.n_stmts));
  for (size_t i = 0; i < out.size(); ++i) {
    const PgQuerySplitStmt& st = *split.result.stmts[i];
    out[i].offset = static_cast<size_t>(st.stmt_location);
    out[i].length =
        st.stmt_len == 0 ? text.size() - out[i].offset : static_cast<size_t>(st.stmt_len);
  }
  detail::parallel_for(out.size(), jobs, [&](size_t i) {
    ParseResult parsed(text.substr(out[i].offset, out[i].length));
    if (parsed.result.error != nullptr) {
      out[i].error_at = parsed.result.error->cursorpos;
      out[i].error = parsed.result.error->message;
    } else {
      out[i].tree = parsed.result.parse_tree;
    }
  });
  for (const Parsed& p : out) {
    if (!p.error.empty()) syntax_error(text, lines, shown, p.offset, p.error_at, p.error);
  }
  return out;
}

// Migration order: digit runs compare as numbers, so V10__x.sql follows V9__y.sql and
// 10_x.sql follows 9_y.sql, as Flyway and the numbered-file tools apply them.
bool migration_order(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) &&
        std::isdigit(static_cast<unsigned char>(b[j]))) {
      size_t ie = i, je = j;
      while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) ++ie;
      while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) ++je;
      const std::string_view da = std::string_view(a).substr(i, ie - i);
      const std::string_view db = std::string_view(b).substr(j, je - j);
      const auto trim = [](std::string_view d) {
        while (d.size() > 1 && d.front() == '0') d.remove_prefix(1);
        return d;
      };
      const std::string_view ta = trim(da), tb = trim(db);
      if (ta.size() != tb.size()) return ta.size() < tb.size();
      if (ta != tb) return ta < tb;
      i = ie;
      j = je;
      continue;
    }
    if (a[i] != b[j]) return a[i] < b[j];
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j || (a.size() - i == b.size() - j && a < b);
}

// Files that undo migrations (`*.down.sql`, Flyway's `U<version>__*.sql`) are not part of the
// state the migrations build.
bool undoes(const fs::path& file) {
  const std::string name = file.filename().string();
  if (name.ends_with(".down.sql")) return true;
  return name.size() > 1 && name[0] == 'U' && std::isdigit(static_cast<unsigned char>(name[1])) &&
         name.find("__") != std::string::npos;
}

std::vector<std::string> sql_files(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".sql" && !undoes(it->path())) {
      out.push_back(it->path().lexically_relative(dir).generic_string());
    }
  }
  if (ec) throw InputError(Location{dir.generic_string(), 0, 0}, "cannot read: " + ec.message());
  std::sort(out.begin(), out.end(), migration_order);
  return out;
}

std::string shown_path(const fs::path& p) {
  fs::path n = p.lexically_normal();
  if (n.is_absolute()) {
    std::error_code ec;
    const fs::path rel = n.lexically_relative(fs::current_path(ec));
    if (!ec && !rel.empty() && *rel.begin() != "..") n = rel;
  }
  return n.generic_string();
}

}  // namespace

bool claims(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return !sql_files(path).empty();
  return path.extension() == ".sql";
}

Schema load(const std::string& path, const LoadOptions& options) {
  const fs::path input(path);
  std::error_code ec;
  if (!fs::exists(input, ec)) throw InputError(Location{path, 0, 0}, "no such file or directory");
  std::vector<fs::path> files;
  if (fs::is_directory(input, ec)) {
    for (const std::string& f : sql_files(input)) files.push_back(input / f);
    if (files.empty()) throw InputError(Location{path, 0, 0}, "directory holds no .sql files");
  } else {
    files.push_back(input);
  }
  Schema schema;
  schema.format = "sql";
  schema.root = path;
  const bool sqlite =
      options.dialect == "sqlite" ||
      (options.dialect.empty() && std::all_of(files.begin(), files.end(), [](const fs::path& f) {
         return f.filename().string().ends_with(".sqlite.sql");
       }));
  if (sqlite) {
    std::vector<SqlFile> inputs;
    for (const fs::path& file : files) {
      SqlFile f;
      f.shown = shown_path(file);
      f.text = read_text(file, f.shown);
      f.id = schema.add_file(f.shown);
      inputs.push_back(std::move(f));
    }
    load_sqlite(inputs, schema);
    return schema;
  }
  std::map<std::string, Entity> tables, enums, schemas, views, sequences;
  std::vector<Entity> locking;
  for (const fs::path& file : files) {
    const std::string shown = shown_path(file);
    const std::string text = read_text(file, shown);
    const uint32_t id = schema.add_file(shown);
    const Lines lines(text);
    const std::vector<Parsed> statements = parse_statements(text, lines, shown, options.jobs);
    Replay replay(id, text, lines);
    replay.locking() = std::move(locking);
    replay.start_file(fs::path(file).lexically_relative(input).generic_string() == "."
                          ? file.filename().generic_string()
                          : fs::path(file).lexically_relative(input).generic_string());
    replay.tables() = std::move(tables);
    replay.enums() = std::move(enums);
    replay.schemas() = std::move(schemas);
    replay.views() = std::move(views);
    replay.sequences() = std::move(sequences);
    for (const Parsed& p : statements) {
      replay.set_base(p.offset);
      const Json tree = Json::parse(p.tree);
      for (const Json& st : list(tree, "stmts")) replay.statement(st);
    }
    for (Diagnostic& d : replay.warnings()) schema.warnings.push_back(std::move(d));
    locking = std::move(replay.locking());
    tables = std::move(replay.tables());
    enums = std::move(replay.enums());
    schemas = std::move(replay.schemas());
    views = std::move(replay.views());
    sequences = std::move(replay.sequences());
  }
  for (auto& [key, e] : tables) schema.roots.push_back(std::move(e));
  // Migration facts only mean something for a folder of migrations.
  if (fs::is_directory(input, ec)) {
    for (Entity& e : locking) schema.roots.push_back(std::move(e));
  }
  for (auto* m : {&enums, &schemas, &views, &sequences}) {
    for (auto& [key, e] : *m) schema.roots.push_back(std::move(e));
  }
  return schema;
}

}  // namespace breakwater::sql
