// PostgreSQL DDL on PostgreSQL's own grammar: libpg_query's raw parser hands back the server's
// parse nodes, which are walked directly (no JSON or protobuf round trip) and replayed into
// tables, columns, constraints, views, sequences, types and functions.
#include "formats/sql/pg_replay.hpp"

#include <breakwater/check.hpp>

#include "core/lines.hpp"
#include "formats/sql/types.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// Server headers last: they define macros (printf, foreach...) that must not reach the
// standard library headers above.
extern "C" {
#include <pg_query.h>
// clang-format off
#include <postgres.h>
#include <nodes/parsenodes.h>
#include <nodes/pg_list.h>
#include <pg_query/pg_query_internal.h>
// clang-format on
// Exported by libpg_query, declared only in its source tree: JSON text of any node.
char* pg_query_nodes_to_json(const void* obj);
}

namespace breakwater::sql {
namespace {

// ---- libpg_query resources ------------------------------------------------------------------

struct SplitResult {
  PgQuerySplitResult result;
  explicit SplitResult(const std::string& text)
      : result(pg_query_split_with_scanner(text.c_str())) {}
  ~SplitResult() { pg_query_free_split_result(result); }
  SplitResult(const SplitResult&) = delete;
  SplitResult& operator=(const SplitResult&) = delete;
};

// The parse trees live in a memory context that is dropped as a whole after each statement.
struct MemoryContextScope {
  MemoryContext context = pg_query_enter_memory_context();
  MemoryContextScope() = default;
  ~MemoryContextScope() { pg_query_exit_memory_context(context); }
  MemoryContextScope(const MemoryContextScope&) = delete;
  MemoryContextScope& operator=(const MemoryContextScope&) = delete;
};

struct RawParse {
  PgQueryInternalParsetreeAndError result;
  explicit RawParse(const char* statement) : result(pg_query_raw_parse(statement)) {}
  ~RawParse() {
    if (result.error != nullptr) pg_query_free_error(result.error);
    std::free(result.stderr_buffer);  // malloc-ed by libpg_query
  }
  RawParse(const RawParse&) = delete;
  RawParse& operator=(const RawParse&) = delete;
};

// ---- node access -----------------------------------------------------------------------------

// A PostgreSQL List as a range of nodes.
class Nodes {
 public:
  explicit Nodes(const List* list) : list_(list) {}
  struct Iterator {
    const ListCell* cell;
    Node* operator*() const { return static_cast<Node*>(cell->ptr_value); }
    Iterator& operator++() {
      ++cell;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return cell != other.cell; }
  };
  Iterator begin() const { return {list_ != nullptr ? list_->elements : nullptr}; }
  Iterator end() const { return {list_ != nullptr ? list_->elements + list_->length : nullptr}; }
  size_t size() const { return list_ != nullptr ? static_cast<size_t>(list_->length) : 0; }

 private:
  const List* list_;
};

template <typename T>
T* node_as(Node* n, NodeTag tag) {
  return n != nullptr && nodeTag(n) == tag ? reinterpret_cast<T*>(n) : nullptr;
}
#define BW_AS(Type, n) node_as<Type>(reinterpret_cast<Node*>(n), T_##Type)

std::string str_of(Node* n) {
  const String* s = BW_AS(String, n);
  return s != nullptr && s->sval != nullptr ? s->sval : "";
}

std::string text_or(const char* s, const char* fallback = "") {
  return s != nullptr ? s : fallback;
}

std::vector<std::string> names_of(const List* list) {
  std::vector<std::string> out;
  for (Node* n : Nodes(list)) out.push_back(str_of(n));
  return out;
}

std::string joined(const std::vector<std::string>& parts, const char* separator = ", ") {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

std::string qualified(const RangeVar* r) {
  if (r == nullptr) return {};
  return text_or(r->schemaname, "public") + "." + text_or(r->relname);
}

std::string qualified(const std::vector<std::string>& names) {
  if (names.size() == 1) return "public." + names[0];
  return joined(names, ".");
}

std::string schema_of(const std::string& key) {
  return key.substr(0, key.find('.'));
}

std::string unqualified(const std::string& key) {
  const size_t dot = key.find('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

// The index just past the JSON object or array opening at `open`.
size_t matching_close(const std::string& json, size_t open) {
  int depth = 0;
  for (size_t i = open; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '"') {
      for (++i; i < json.size() && json[i] != '"'; ++i) {
        if (json[i] == '\\') ++i;
      }
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return i + 1;
    }
  }
  return json.size();
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// pg_dump prints expressions the way PostgreSQL deparses them: literals carry casts
// ('x'::text, (0)::numeric) and `IN (...)` becomes `= ANY (ARRAY[...])`. Both spellings are
// brought to one form so a dump and the DDL it came from compare equal.
std::string normalise_deparsed(std::string json) {
  static constexpr std::string_view kCast = "{\"TypeCast\":{\"arg\":{\"A_Const\":";
  for (size_t at = json.find(kCast); at != std::string::npos; at = json.find(kCast, at)) {
    const size_t arg = at + kCast.size() - std::string_view("{\"A_Const\":").size();
    const std::string literal = json.substr(arg, matching_close(json, arg) - arg);
    json.replace(at, matching_close(json, at) - at, literal);
  }
  replace_all(json, "\"kind\":\"AEXPR_OP_ANY\",\"name\":[{\"String\":{\"sval\":\"=\"}}]",
              "\"kind\":\"AEXPR_IN\",\"name\":[{\"String\":{\"sval\":\"=\"}}]");
  replace_all(json,
              "\"kind\":\"AEXPR_OP_ALL\",\"name\":[{\"String\":{\"sval\":\"\\u003c\\u003e\"}}]",
              "\"kind\":\"AEXPR_IN\",\"name\":[{\"String\":{\"sval\":\"\\u003c\\u003e\"}}]");
  replace_all(json, "{\"A_ArrayExpr\":{\"elements\":[", "{\"List\":{\"items\":[");
  return json;
}

// An expression as a comparable value: its parse tree as JSON without source positions.
std::string expression_key(Node* expr) {
  if (expr == nullptr) return {};
  // libpg_query's writer takes a list of statements: the node goes in as one statement's body.
  RawStmt wrapper{};
  wrapper.type = T_RawStmt;
  wrapper.stmt = expr;
  List* one = lappend(NIL, &wrapper);
  char* json = pg_query_nodes_to_json(one);
  list_free(one);
  std::string out;
  std::string_view in(json);
  static constexpr std::string_view kPrefix = "\"stmts\":[{\"stmt\":";
  if (const size_t body = in.find(kPrefix); body != std::string_view::npos && in.ends_with("}]}")) {
    in = in.substr(body + kPrefix.size(), in.size() - body - kPrefix.size() - 3);
  }
  static constexpr std::string_view kLocation = "\"location\":";
  size_t i = 0;
  while (i < in.size()) {
    const size_t hit = in.find(kLocation, i);
    if (hit == std::string_view::npos) {
      out.append(in.substr(i));
      break;
    }
    out.append(in.substr(i, hit - i));
    size_t end = hit + kLocation.size();
    while (end < in.size() && (in[end] == '-' || std::isdigit(static_cast<unsigned char>(in[end]))))
      ++end;
    if (end < in.size() && in[end] == ',') {
      ++end;
    } else if (!out.empty() && out.back() == ',') {
      out.pop_back();
    }
    i = end;
  }
  pfree(json);
  return normalise_deparsed(std::move(out));
}

ColumnType type_of(const TypeName* t, bool* serial = nullptr) {
  if (t == nullptr) return {};
  std::vector<long> mods;
  for (Node* m : Nodes(t->typmods)) {
    const A_Const* c = BW_AS(A_Const, m);
    if (c != nullptr && !c->isnull && nodeTag(&c->val) == T_Integer)
      mods.push_back(c->val.ival.ival);
  }
  ColumnType type = canonical_type(names_of(t->names), std::move(mods),
                                   static_cast<int>(Nodes(t->arrayBounds).size()), serial);
  if (t->pct_type) type.name += "%TYPE";
  return type;
}

std::string type_text(const TypeName* t) {
  return t == nullptr ? std::string() : (t->setof ? "SETOF " : "") + type_of(t).text();
}

// A function's identity: its name and input argument types, as PostgreSQL resolves overloads.
std::string function_key(const std::string& name, const std::vector<std::string>& inputs) {
  return name + "(" + joined(inputs) + ")";
}

bool is_input(FunctionParameterMode mode) {
  return mode != FUNC_PARAM_OUT && mode != FUNC_PARAM_TABLE;
}

std::string function_key(const ObjectWithArgs* o) {
  std::vector<std::string> inputs;
  if (Nodes(o->objfuncargs).size() > 0) {
    for (Node* n : Nodes(o->objfuncargs)) {
      const FunctionParameter* p = BW_AS(FunctionParameter, n);
      if (p != nullptr && is_input(p->mode)) inputs.push_back(type_of(p->argType).text());
    }
  } else {
    for (Node* n : Nodes(o->objargs)) inputs.push_back(type_of(BW_AS(TypeName, n)).text());
  }
  return function_key(qualified(names_of(o->objname)), inputs);
}

Entity* find_child(Entity& parent, std::string_view kind, const std::string& key) {
  for (Entity& c : parent.children) {
    if (c.kind == kind && c.key == key) return &c;
  }
  return nullptr;
}

void drop_attr(Entity& e, std::string_view attr) {
  std::erase_if(e.attrs, [&](const Attr& a) { return a.name == attr; });
}

// ---- replay ----------------------------------------------------------------------------------

class Replay {
 public:
  Replay(PgState& state, uint32_t file, const std::string& text, const Lines& lines,
         std::string relative)
      : s_(state), file_(file), text_(text), lines_(lines), file_rel_(std::move(relative)) {
    Entity f;
    f.kind = "migration_file";
    f.key = f.name = file_rel_;
    f.loc = SourceRef{file_, 1, 1};
    s_.migration_facts.push_back(std::move(f));
  }

  // Statements are parsed one by one; node positions are relative to where theirs starts.
  void set_base(size_t offset) { base_ = offset; }

  void statement(const RawStmt* raw) {
    size_t offset = base_ + static_cast<size_t>(std::max(raw->stmt_location, 0));
    statement_at_ = at_offset(skip_blank_and_comments(offset));
    Node* stmt = raw->stmt;
    note_locking(stmt);
    switch (nodeTag(stmt)) {
      case T_CreateStmt:
        return create_table(reinterpret_cast<CreateStmt*>(stmt));
      case T_AlterTableStmt:
        return alter_table(reinterpret_cast<AlterTableStmt*>(stmt));
      case T_DropStmt:
        return drop(reinterpret_cast<DropStmt*>(stmt));
      case T_RenameStmt:
        return rename(reinterpret_cast<RenameStmt*>(stmt));
      case T_AlterObjectSchemaStmt:
        return set_schema(reinterpret_cast<AlterObjectSchemaStmt*>(stmt));
      case T_IndexStmt:
        return create_index(reinterpret_cast<IndexStmt*>(stmt));
      case T_CreateEnumStmt:
        return create_enum(reinterpret_cast<CreateEnumStmt*>(stmt));
      case T_AlterEnumStmt:
        return alter_enum(reinterpret_cast<AlterEnumStmt*>(stmt));
      case T_CompositeTypeStmt:
        return create_composite(reinterpret_cast<CompositeTypeStmt*>(stmt));
      case T_CreateDomainStmt:
        return create_domain(reinterpret_cast<CreateDomainStmt*>(stmt));
      case T_AlterDomainStmt:
        return alter_domain(reinterpret_cast<AlterDomainStmt*>(stmt));
      case T_CreateRangeStmt: {
        const auto* r = reinterpret_cast<CreateRangeStmt*>(stmt);
        return add_simple(s_.types, "range", qualified(names_of(r->typeName)), statement_at_);
      }
      case T_CreateFunctionStmt:
        return create_function(reinterpret_cast<CreateFunctionStmt*>(stmt));
      case T_ViewStmt: {
        const auto* v = reinterpret_cast<ViewStmt*>(stmt);
        return create_view(v->view, v->query, v->aliases, false);
      }
      case T_CreateTableAsStmt: {
        const auto* v = reinterpret_cast<CreateTableAsStmt*>(stmt);
        if (v->objtype == OBJECT_MATVIEW && v->into != nullptr) {
          return create_view(v->into->rel, v->query, v->into->colNames, true);
        }
        return warn_not_compared("CREATE TABLE AS");
      }
      case T_CreateSchemaStmt: {
        const auto* c = reinterpret_cast<CreateSchemaStmt*>(stmt);
        return add_simple(s_.schemas, "schema", text_or(c->schemaname), statement_at_);
      }
      case T_AlterSeqStmt:
        return alter_sequence(reinterpret_cast<AlterSeqStmt*>(stmt));
      case T_CreateSeqStmt: {
        const auto* c = reinterpret_cast<CreateSeqStmt*>(stmt);
        return add_simple(s_.sequences, "sequence", qualified(c->sequence),
                          at(c->sequence->location));
      }
      // Read, and deliberately not part of the compared contract: session settings, data
      // statements, privileges, ownership, comments, extensions, triggers, policies,
      // statistics, publications, maintenance.
      case T_VariableSetStmt:
      case T_VariableShowStmt:
      case T_SelectStmt:
      case T_InsertStmt:
      case T_UpdateStmt:
      case T_DeleteStmt:
      case T_GrantStmt:
      case T_GrantRoleStmt:
      case T_AlterOwnerStmt:
      case T_AlterDefaultPrivilegesStmt:
      case T_CommentStmt:
      case T_SecLabelStmt:
      case T_CreateExtensionStmt:
      case T_AlterExtensionStmt:
      case T_AlterExtensionContentsStmt:
      case T_TransactionStmt:
      case T_ExplainStmt:
      case T_VacuumStmt:
      case T_ClusterStmt:
      case T_ReindexStmt:
      case T_DoStmt:
      case T_CallStmt:
      case T_CreateTrigStmt:
      case T_CreateEventTrigStmt:
      case T_AlterEventTrigStmt:
      case T_CreatePolicyStmt:
      case T_AlterPolicyStmt:
      case T_CreateStatsStmt:
      case T_AlterStatsStmt:
      case T_CreatePublicationStmt:
      case T_AlterPublicationStmt:
      case T_AlterFunctionStmt:
      case T_LockStmt:
      case T_CopyStmt:
      case T_RefreshMatViewStmt:
      case T_NotifyStmt:
      case T_ConstraintsSetStmt:
      case T_CreateRoleStmt:
      case T_AlterRoleStmt:
      case T_AlterRoleSetStmt:
      case T_DropRoleStmt:
      case T_AlterDatabaseSetStmt:
      case T_AlterTSConfigurationStmt:
      case T_AlterTSDictionaryStmt:
        return;
      default:
        return warn_not_compared(nullptr, stmt);
    }
  }

 private:
  // ---- positions ----
  size_t skip_blank_and_comments(size_t i) const {
    while (i < text_.size()) {
      if (std::isspace(static_cast<unsigned char>(text_[i]))) {
        ++i;
      } else if (text_.compare(i, 2, "--") == 0) {
        const size_t eol = text_.find('\n', i);
        i = eol == std::string::npos ? text_.size() : eol + 1;
      } else if (text_.compare(i, 2, "/*") == 0) {
        const size_t close = text_.find("*/", i + 2);
        i = close == std::string::npos ? text_.size() : close + 2;
      } else {
        break;
      }
    }
    return i;
  }
  SourceRef at_offset(size_t offset) const {
    const auto [line, column] = lines_.at(offset);
    return {file_, line, column};
  }
  // Nodes without a position of their own (enum labels, -1) are placed at their statement.
  SourceRef at(int location) const {
    return location < 0 ? statement_at_ : at_offset(base_ + static_cast<size_t>(location));
  }

  void warn_not_compared(const char* what, Node* stmt = nullptr) {
    std::string kind = what != nullptr ? what : "";
    if (kind.empty()) {
      // The node's name, as PostgreSQL's JSON output spells it ({"CreateCastStmt": ...}).
      const std::string json = expression_key(stmt);
      const size_t start = json.starts_with("{\"") ? 2 : std::string::npos;
      kind = start == std::string::npos ? "statement"
                                        : json.substr(start, json.find('"', start) - start);
    }
    s_.warnings.push_back(
        {statement_at_, kind + " is not compared yet; changes it makes are not checked"});
  }

  void add_simple(std::map<std::string, Entity>& into, std::string_view kind,
                  const std::string& key, SourceRef where) {
    Entity e;
    e.kind = kind;
    e.key = e.name = key;
    e.loc = where;
    into[key] = std::move(e);
  }

  // OWNED BY ties a sequence to a column: dropping the table or column drops it too.
  void alter_sequence(const AlterSeqStmt* s) {
    auto it = s_.sequences.find(qualified(s->sequence));
    if (it == s_.sequences.end()) return;
    for (Node* n : Nodes(s->options)) {
      const DefElem* d = BW_AS(DefElem, n);
      if (d == nullptr || text_or(d->defname) != "owned_by") continue;
      std::vector<std::string> names = names_of(BW_AS(List, d->arg));
      if (names.size() == 2) names.insert(names.begin(), "public");
      if (names.size() == 3) {
        it->second.set("owned_by", joined(names, "."));
      } else {
        drop_attr(it->second, "owned_by");  // OWNED BY NONE
      }
    }
  }

  // Sequences owned by the table (`owner` = schema.table) or by one column of it.
  void drop_owned_sequences(const std::string& owner) {
    std::erase_if(s_.sequences, [&](const auto& kv) {
      const std::string_view by = kv.second.str("owned_by");
      if (by == owner) return true;
      return by.starts_with(owner + ".") &&
             std::count(owner.begin(), owner.end(), '.') == 1;  // a table: any of its columns
    });
  }

  // ---- tables ----
  void column_constraint(Entity& column, const Constraint* c) {
    switch (c->contype) {
      case CONSTR_NOTNULL:
      case CONSTR_PRIMARY:
        column.set("not_null", true, at(c->location));
        break;
      case CONSTR_NULL:
        drop_attr(column, "not_null");
        break;
      case CONSTR_DEFAULT:
        if (c->raw_expr != nullptr)
          column.set("default", expression_key(c->raw_expr), at(c->location));
        break;
      case CONSTR_IDENTITY:
        column.set("identity", true, at(c->location));
        column.set("not_null", true, at(c->location));
        break;
      case CONSTR_GENERATED:
        column.set("generated", true, at(c->location));
        break;
      default:
        break;
    }
  }

  Entity column(const ColumnDef* def, const std::string& table_key) {
    Entity col;
    col.kind = "column";
    col.key = col.name = text_or(def->colname);
    col.loc = at(def->location);
    bool serial = false;
    const SourceRef type_at = def->typeName != nullptr ? at(def->typeName->location) : col.loc;
    col.set("type", type_of(def->typeName, &serial).text(), type_at);
    if (serial) {
      col.set("default", std::string("nextval()"), type_at);
      col.set("not_null", true, type_at);
      // serial creates <table>_<column>_seq, which pg_dump writes out as its own sequence.
      const std::string sequence = table_key + "_" + col.key + "_seq";
      add_simple(s_.sequences, "sequence", sequence, type_at);
      s_.sequences[sequence].set("owned_by", table_key + "." + col.key);
    }
    for (Node* n : Nodes(def->constraints)) {
      if (const Constraint* c = BW_AS(Constraint, n)) column_constraint(col, c);
    }
    return col;
  }

  // Columns, and the constraints written on them, added to `table` (CREATE TABLE, ADD COLUMN).
  void add_column(Entity& table, const ColumnDef* def) {
    const std::string name = text_or(def->colname);
    if (Entity* existing = find_child(table, "column", name);
        existing != nullptr && def->typeName == nullptr) {
      // A partition's or child table's options on an inherited column (WITH OPTIONS ...).
      for (Node* n : Nodes(def->constraints)) {
        if (const Constraint* c = BW_AS(Constraint, n)) column_constraint(*existing, c);
      }
      return;
    }
    std::erase_if(table.children,
                  [&](const Entity& c) { return c.kind == "column" && c.key == name; });
    table.children.push_back(column(def, table.key));
    for (Node* n : Nodes(def->constraints)) {
      if (const Constraint* c = BW_AS(Constraint, n)) add_constraint(table, c, {name});
    }
  }

  // A partition takes its parent's columns and constraints (keys, foreign keys, checks); an
  // INHERITS child its columns and checks; LIKE only the columns.
  enum class Inherit { columns, checks, all };
  void inherit(Entity& table, const std::string& from, Inherit what) {
    const auto it = s_.tables.find(from);
    if (it == s_.tables.end()) return;
    for (const Entity& c : it->second.children) {
      if (c.kind == "column" && find_child(table, "column", c.key) == nullptr) {
        table.children.push_back(c);
      } else if (c.kind == "constraint" &&
                 (what == Inherit::all || (what == Inherit::checks && c.str("type") == "check"))) {
        table.children.push_back(c);
      }
    }
  }

  void create_table(const CreateStmt* s) {
    Entity table;
    table.kind = "table";
    table.key = table.name = qualified(s->relation);
    table.loc = at(s->relation->location);
    if (s->if_not_exists && s_.tables.contains(table.key)) return;
    // PARTITION OF / INHERITS: the parent's columns come first.
    for (Node* n : Nodes(s->inhRelations)) {
      const RangeVar* parent = BW_AS(RangeVar, n);
      if (parent == nullptr) continue;
      inherit(table, qualified(parent), s->partbound != nullptr ? Inherit::all : Inherit::checks);
      table.set(s->partbound != nullptr ? "partition_of" : "inherits", qualified(parent));
      s_.parents.insert(qualified(parent));
    }
    if (s->ofTypename != nullptr) {
      const auto it = s_.types.find(qualified(names_of(s->ofTypename->names)));
      if (it != s_.types.end()) {
        for (Entity c : it->second.children) {
          c.kind = "column";
          table.children.push_back(std::move(c));
        }
      }
    }
    for (Node* e : Nodes(s->tableElts)) {
      if (const ColumnDef* def = BW_AS(ColumnDef, e)) {
        add_column(table, def);
      } else if (const Constraint* c = BW_AS(Constraint, e)) {
        add_constraint(table, c, {});
      } else if (const TableLikeClause* like = BW_AS(TableLikeClause, e)) {
        inherit(table, qualified(like->relation), Inherit::columns);
      }
    }
    for (Node* n : Nodes(s->constraints)) {
      if (const Constraint* c = BW_AS(Constraint, n)) add_constraint(table, c, {});
    }
    s_.tables[table.key] = std::move(table);
  }

  // PRIMARY KEY, UNIQUE, EXCLUDE, CHECK and FOREIGN KEY, keyed by what they enforce rather
  // than by name (generated names differ between hand-written DDL and pg_dump output).
  void add_constraint(Entity& table, const Constraint* c, const std::vector<std::string>& column) {
    const char* type = c->contype == CONSTR_PRIMARY     ? "primary key"
                       : c->contype == CONSTR_UNIQUE    ? "unique"
                       : c->contype == CONSTR_EXCLUSION ? "exclude"
                       : c->contype == CONSTR_CHECK     ? "check"
                       : c->contype == CONSTR_FOREIGN   ? "foreign key"
                                                        : nullptr;
    if (type == nullptr) return;
    std::vector<std::string> cols = names_of(c->contype == CONSTR_FOREIGN ? c->fk_attrs : c->keys);
    if (c->contype == CONSTR_EXCLUSION) {
      for (Node* pair : Nodes(c->exclusions)) {
        const List* l = BW_AS(List, pair);
        const IndexElem* elem =
            l != nullptr && l->length > 0 ? BW_AS(IndexElem, linitial(l)) : nullptr;
        cols.push_back(elem != nullptr && elem->name != nullptr ? elem->name : "(expression)");
      }
    }
    if (cols.empty()) cols = column;
    const std::string columns = joined(cols);
    Entity con;
    con.kind = "constraint";
    con.loc = at(c->location);
    con.set("type", std::string(type), con.loc);
    con.set("columns", columns, con.loc);
    std::string key = std::string(type) + " (" + columns + ")";
    if (c->contype == CONSTR_PRIMARY) {
      key = "primary key";
      for (const auto& col : cols) {
        if (Entity* e = find_child(table, "column", col)) e->set("not_null", true, con.loc);
      }
    } else if (c->contype == CONSTR_CHECK) {
      // The condition names its columns; where it was written (column or table) does not matter.
      key = "check " + expression_key(c->raw_expr);
    } else if (c->contype == CONSTR_EXCLUSION) {
      key += " " + expression_key(reinterpret_cast<Node*>(c->exclusions)) +
             expression_key(c->where_clause);
    } else if (c->contype == CONSTR_FOREIGN) {
      const std::string target = qualified(c->pktable) + " (" + joined(names_of(c->pk_attrs)) + ")";
      con.set("references", target, con.loc);
      key += " references " + target;
    }
    if (c->skip_validation) con.set("not_valid", true);
    // PostgreSQL's own names for unnamed constraints, so DROP CONSTRAINT finds them.
    const std::string table_name = unqualified(table.key);
    std::string fallback = table_name + "_" + (cols.empty() ? "" : cols.front() + "_") +
                           (c->contype == CONSTR_UNIQUE      ? "key"
                            : c->contype == CONSTR_CHECK     ? "check"
                            : c->contype == CONSTR_EXCLUSION ? "excl"
                                                             : "fkey");
    if (c->contype == CONSTR_PRIMARY) fallback = table_name + "_pkey";
    con.set("conname", text_or(c->conname, fallback.c_str()));
    con.key = key;
    con.name = text_or(c->conname, key.c_str());
    std::erase_if(table.children,
                  [&](const Entity& e) { return e.kind == "constraint" && e.key == key; });
    table.children.push_back(std::move(con));
  }

  void create_index(const IndexStmt* s) {
    if (!s->unique) return;  // only uniqueness changes what data is accepted
    auto it = s_.tables.find(qualified(s->relation));
    if (it == s_.tables.end()) return;
    std::vector<std::string> cols, keys;
    for (Node* n : Nodes(s->indexParams)) {
      const IndexElem* e = BW_AS(IndexElem, n);
      if (e == nullptr) continue;
      cols.push_back(e->name != nullptr ? e->name : "(expression)");
      keys.push_back(e->name != nullptr ? e->name : expression_key(e->expr));
    }
    Entity con;
    con.kind = "constraint";
    con.loc = at(s->relation->location);
    con.key = "unique (" + joined(keys) + ")" +
              (s->whereClause != nullptr ? " where " + expression_key(s->whereClause) : "");
    con.name = text_or(s->idxname, con.key.c_str());
    con.set("type", std::string("unique"), con.loc);
    con.set("columns", joined(cols), con.loc);
    con.set("conname", text_or(s->idxname));
    it->second.children.push_back(std::move(con));
  }

  void alter_table(const AlterTableStmt* s) {
    if (s->objtype == OBJECT_TYPE) return alter_composite(s);
    if (s->objtype != OBJECT_TABLE && s->objtype != OBJECT_FOREIGN_TABLE) return;
    const std::string key = qualified(s->relation);
    auto it = s_.tables.find(key);
    if (it == s_.tables.end()) {
      // pg_dump writes ALTER TABLE ... OWNER TO for sequences and views as well.
      if (!s->missing_ok && !s_.views.contains(key) && !s_.sequences.contains(key)) {
        s_.warnings.push_back(
            {at(s->relation->location),
             "ALTER TABLE of " + key + ", which no earlier statement creates; ignored"});
      }
      return;
    }
    Entity& table = it->second;
    recurse_ = s->relation->inh;
    for (Node* n : Nodes(s->cmds)) {
      const AlterTableCmd* cmd = BW_AS(AlterTableCmd, n);
      if (cmd != nullptr) alter_table_cmd(table, cmd);
    }
  }

  void alter_table_cmd(Entity& table, const AlterTableCmd* cmd) {
    const std::string name = text_or(cmd->name);
    const bool fresh = created_here_.contains(table.key);
    if (cmd->subtype == AT_AddColumn || cmd->subtype == AT_AddColumnRecurse) {
      const ColumnDef* def = BW_AS(ColumnDef, cmd->def);
      if (def == nullptr) return;
      if (cmd->missing_ok && find_child(table, "column", text_or(def->colname)) != nullptr) return;
      if (!fresh && rewrites_on_add(def)) {
        lock_issue("rewrite_on_add_column", table.key,
                   "adding " + table.key + "." + text_or(def->colname) +
                       " with a volatile default or as a stored generated column rewrites the "
                       "table under an ACCESS EXCLUSIVE lock");
      }
      return add_column(table, def);
    }
    if (cmd->subtype == AT_AddConstraint || cmd->subtype == AT_AddConstraintRecurse) {
      const Constraint* c = BW_AS(Constraint, cmd->def);
      if (c == nullptr) return;
      add_constraint(table, c, {});
      // Without ONLY, a constraint added to a partitioned or parent table reaches its
      // partitions (all kinds) and inheriting children (checks).
      if (!recurse_ || !s_.parents.contains(table.key)) return;
      for (auto& [key, child] : s_.tables) {
        if (child.str("partition_of") == table.key ||
            (child.str("inherits") == table.key && c->contype == CONSTR_CHECK)) {
          add_constraint(child, c, {});
        }
      }
      return;
    }
    if (cmd->subtype == AT_ValidateConstraint || cmd->subtype == AT_ValidateConstraintRecurse) {
      for (Entity& c : table.children) {
        if (c.kind == "constraint" && c.str("conname") == name) drop_attr(c, "not_valid");
      }
      if (!fresh && not_valid_here_.contains(table.key + "." + name)) {
        lock_issue("validate_in_adding_transaction", table.key,
                   "constraint " + name + " on " + table.key +
                       " is validated in the same transaction that added it NOT VALID, so the "
                       "ACCESS EXCLUSIVE lock is held during the scan; validate in a later "
                       "migration");
      }
      return;
    }
    if (cmd->subtype == AT_AttachPartition || cmd->subtype == AT_DetachPartition) {
      const PartitionCmd* pc = BW_AS(PartitionCmd, cmd->def);
      const auto child = pc != nullptr ? s_.tables.find(qualified(pc->name)) : s_.tables.end();
      if (child == s_.tables.end()) return;
      if (cmd->subtype == AT_DetachPartition) return drop_attr(child->second, "partition_of");
      // The partition gets the parent's keys, foreign keys and checks it does not have yet.
      child->second.set("partition_of", table.key);
      s_.parents.insert(table.key);
      for (const Entity& c : table.children) {
        if (c.kind == "constraint" && find_child(child->second, "constraint", c.key) == nullptr)
          child->second.children.push_back(c);
      }
      return;
    }
    if (cmd->subtype == AT_DropConstraint || cmd->subtype == AT_DropConstraintRecurse) {
      std::erase_if(table.children, [&](const Entity& c) {
        return c.kind == "constraint" && c.str("conname") == name;
      });
      return;
    }
    if (cmd->subtype == AT_DropColumn || cmd->subtype == AT_DropColumnRecurse) {
      drop_owned_sequences(table.key + "." + name);
      std::erase_if(table.children, [&](const Entity& c) {
        return (c.kind == "column" && c.key == name) ||
               (c.kind == "constraint" && c.str("columns") == name);
      });
      return;
    }
    Entity* col = name.empty() ? nullptr : find_child(table, "column", name);
    if (col == nullptr) return;
    switch (cmd->subtype) {
      case AT_AlterColumnType: {
        const ColumnDef* def = BW_AS(ColumnDef, cmd->def);
        if (def == nullptr || def->typeName == nullptr) return;
        const ColumnType new_type = type_of(def->typeName);
        const std::string old_text(col->str("type"));
        if (!fresh && !binary_coercible(parse_type(old_text), new_type)) {
          lock_issue("rewrite_on_type_change", table.key,
                     "changing " + table.key + "." + name + " from " + old_text + " to " +
                         new_type.text() + " rewrites the table under an ACCESS EXCLUSIVE lock");
        }
        col->set("type", new_type.text(), at(def->typeName->location));
        return;
      }
      case AT_DropIdentity:
        return drop_attr(*col, "identity");
      case AT_AddIdentity:
        col->set("identity", true, statement_at_);
        return;
      case AT_DropExpression:
        return drop_attr(*col, "generated");
      case AT_SetNotNull:
        if (!fresh && !proven_not_null(table, name)) {
          lock_issue("scan_for_not_null", table.key,
                     "SET NOT NULL on " + table.key + "." + name +
                         " scans the table under an ACCESS EXCLUSIVE lock (no validated CHECK "
                         "proves it first)");
        }
        col->set("not_null", true, statement_at_);
        return;
      case AT_DropNotNull:
        return drop_attr(*col, "not_null");
      case AT_ColumnDefault:
        if (cmd->def != nullptr) {
          col->set("default", expression_key(cmd->def), statement_at_);
        } else {
          drop_attr(*col, "default");
        }
        return;
      default:
        return;  // storage, statistics, options, ownership, triggers, RLS...
    }
  }

  // ---- types ----
  void create_enum(const CreateEnumStmt* s) {
    Entity e;
    e.kind = "enum";
    e.key = e.name = qualified(names_of(s->typeName));
    e.loc = statement_at_;
    for (Node* v : Nodes(s->vals)) {
      Entity value;
      value.kind = "enum_value";
      value.loc = statement_at_;
      value.key = value.name = str_of(v);
      e.children.push_back(std::move(value));
    }
    s_.types[e.key] = std::move(e);
  }

  void alter_enum(const AlterEnumStmt* s) {
    auto it = s_.types.find(qualified(names_of(s->typeName)));
    if (it == s_.types.end() || it->second.kind != "enum") return;
    auto& values = it->second.children;
    if (s->oldVal != nullptr) {
      for (Entity& v : values) {
        if (v.key == s->oldVal) v.key = v.name = text_or(s->newVal);
      }
      return;
    }
    if (s->skipIfNewValExists && find_child(it->second, "enum_value", text_or(s->newVal))) return;
    Entity value;
    value.kind = "enum_value";
    value.key = value.name = text_or(s->newVal);
    value.loc = statement_at_;
    auto pos = values.end();
    if (s->newValNeighbor != nullptr) {
      pos = std::find_if(values.begin(), values.end(),
                         [&](const Entity& v) { return v.key == s->newValNeighbor; });
      if (pos != values.end() && s->newValIsAfter) ++pos;
    }
    values.insert(pos, std::move(value));
  }

  Entity attribute(const ColumnDef* def) {
    Entity a;
    a.kind = "attribute";
    a.key = a.name = text_or(def->colname);
    a.loc = at(def->location);
    a.set("type", type_of(def->typeName).text(),
          def->typeName != nullptr ? at(def->typeName->location) : a.loc);
    return a;
  }

  void create_composite(const CompositeTypeStmt* s) {
    Entity t;
    t.kind = "composite";
    t.key = t.name = qualified(s->typevar);
    t.loc = at(s->typevar->location);
    for (Node* n : Nodes(s->coldeflist)) {
      if (const ColumnDef* def = BW_AS(ColumnDef, n)) t.children.push_back(attribute(def));
    }
    s_.types[t.key] = std::move(t);
  }

  // ALTER TYPE ... ADD / DROP / ALTER ATTRIBUTE arrives as an ALTER TABLE of the type.
  void alter_composite(const AlterTableStmt* s) {
    auto it = s_.types.find(qualified(s->relation));
    if (it == s_.types.end()) return;
    Entity& type = it->second;
    for (Node* n : Nodes(s->cmds)) {
      const AlterTableCmd* cmd = BW_AS(AlterTableCmd, n);
      if (cmd == nullptr) continue;
      const std::string name = text_or(cmd->name);
      if (cmd->subtype == AT_AddColumn) {
        if (const ColumnDef* def = BW_AS(ColumnDef, cmd->def))
          type.children.push_back(attribute(def));
      } else if (cmd->subtype == AT_DropColumn) {
        std::erase_if(type.children, [&](const Entity& a) { return a.key == name; });
      } else if (cmd->subtype == AT_AlterColumnType) {
        const ColumnDef* def = BW_AS(ColumnDef, cmd->def);
        Entity* a = find_child(type, "attribute", name);
        if (a != nullptr && def != nullptr)
          a->set("type", type_of(def->typeName).text(), statement_at_);
      }
    }
  }

  void domain_constraint(Entity& domain, const Constraint* c) {
    if (c->contype == CONSTR_NOTNULL) {
      domain.set("not_null", true, at(c->location));
    } else if (c->contype == CONSTR_CHECK) {
      Entity con;
      con.kind = "constraint";
      con.key = "check " + expression_key(c->raw_expr);
      con.name = text_or(c->conname, con.key.c_str());
      con.loc = at(c->location);
      con.set("type", std::string("check"), con.loc);
      con.set("conname", text_or(c->conname, (unqualified(domain.key) + "_check").c_str()));
      domain.children.push_back(std::move(con));
    }
  }

  void create_domain(const CreateDomainStmt* s) {
    Entity d;
    d.kind = "domain";
    d.key = d.name = qualified(names_of(s->domainname));
    d.loc = statement_at_;
    d.set("type", type_of(s->typeName).text(),
          s->typeName != nullptr ? at(s->typeName->location) : d.loc);
    for (Node* n : Nodes(s->constraints)) {
      if (const Constraint* c = BW_AS(Constraint, n)) domain_constraint(d, c);
    }
    s_.types[d.key] = std::move(d);
  }

  void alter_domain(const AlterDomainStmt* s) {
    auto it = s_.types.find(qualified(names_of(s->typeName)));
    if (it == s_.types.end()) return;
    Entity& d = it->second;
    const std::string name = text_or(s->name);
    switch (s->subtype) {
      case 'N':
        return drop_attr(d, "not_null");
      case 'O':
        d.set("not_null", true, statement_at_);
        return;
      case 'C':
        if (const Constraint* c = BW_AS(Constraint, s->def)) domain_constraint(d, c);
        return;
      case 'X':
        std::erase_if(d.children, [&](const Entity& c) { return c.str("conname") == name; });
        return;
      default:
        return;
    }
  }

  // ---- functions ----
  void create_function(const CreateFunctionStmt* s) {
    const std::string name = qualified(names_of(s->funcname));
    std::vector<std::string> inputs, outputs, params;
    int defaults = 0;
    for (Node* n : Nodes(s->parameters)) {
      const FunctionParameter* p = BW_AS(FunctionParameter, n);
      if (p == nullptr) continue;
      const std::string type = type_of(p->argType).text();
      if (is_input(p->mode)) {
        inputs.push_back(type);
        params.push_back((p->mode == FUNC_PARAM_VARIADIC ? "VARIADIC " : "") + type);
        if (p->defexpr != nullptr) ++defaults;
      }
      if (p->mode == FUNC_PARAM_OUT || p->mode == FUNC_PARAM_INOUT || p->mode == FUNC_PARAM_TABLE)
        outputs.push_back(type);
    }
    Entity f;
    f.kind = "function";
    f.key = f.name = function_key(name, inputs);
    f.loc = statement_at_;
    // OUT parameters define the result: one is its type, several make a record, whether or
    // not RETURNS spells it (pg_dump always does).
    std::string returns = s->is_procedure ? "procedure" : type_text(s->returnType);
    const std::string setof = s->returnType != nullptr && s->returnType->setof ? "SETOF " : "";
    if (!s->is_procedure && outputs.size() == 1) returns = setof + outputs.front();
    if (!s->is_procedure && outputs.size() > 1)
      returns = setof + "record (" + joined(outputs) + ")";
    f.set("function", name);
    f.set("params", joined(params));
    for (size_t i = 0; i < params.size(); ++i) {
      Entity param;
      param.kind = "param";
      param.key = std::to_string(i);
      param.name = params[i];
      f.children.push_back(std::move(param));
    }
    f.set("inputs", static_cast<int64_t>(inputs.size()));
    f.set("defaults", static_cast<int64_t>(defaults));
    f.set("returns", returns,
          s->returnType != nullptr ? at(s->returnType->location) : statement_at_);
    s_.functions[f.key] = std::move(f);
  }

  // ---- views ----
  void create_view(const RangeVar* range_var, Node* query, const List* aliases, bool materialized) {
    Entity view;
    view.kind = "view";
    view.key = view.name = qualified(range_var);
    view.loc = at(range_var->location);
    if (materialized) view.set("materialized", true);
    const SelectStmt* select = BW_AS(SelectStmt, query);
    // UNION and friends take their output column names from the leftmost branch.
    while (select != nullptr && select->op != SETOP_NONE) select = select->larg;
    const std::vector<std::string> renamed = names_of(aliases);
    size_t index = 0;
    for (Node* n : Nodes(select != nullptr ? select->targetList : nullptr)) {
      const ResTarget* target = BW_AS(ResTarget, n);
      if (target == nullptr) continue;
      std::string name = text_or(target->name);
      if (const ColumnRef* ref = BW_AS(ColumnRef, target->val); name.empty() && ref != nullptr) {
        Node* last =
            Nodes(ref->fields).size() > 0 ? static_cast<Node*>(llast(ref->fields)) : nullptr;
        if (BW_AS(A_Star, last) != nullptr) {
          view.set("star", true);  // SELECT *: the output columns depend on the tables
          continue;
        }
        name = str_of(last);
      } else if (const FuncCall* call = BW_AS(FuncCall, target->val); name.empty() && call) {
        name = names_of(call->funcname).empty() ? "" : names_of(call->funcname).back();
      } else if (const TypeCast* cast = BW_AS(TypeCast, target->val); name.empty() && cast) {
        if (const ColumnRef* inner = BW_AS(ColumnRef, cast->arg)) {
          name = str_of(static_cast<Node*>(llast(inner->fields)));
        } else if (cast->typeName != nullptr) {
          name =
              names_of(cast->typeName->names).empty() ? "" : names_of(cast->typeName->names).back();
        }
      }
      if (index < renamed.size()) name = renamed[index];
      ++index;
      if (name.empty()) name = "?column?";
      Entity col;
      col.kind = "view_column";
      col.key = col.name = name;
      col.loc = at(target->location);
      view.children.push_back(std::move(col));
    }
    s_.views[view.key] = std::move(view);
  }

  // ---- drop, rename, set schema ----
  void drop_schema(const std::string& schema) {
    s_.schemas.erase(schema);
    // DROP SCHEMA ... CASCADE takes everything in it along.
    for (auto* m : {&s_.tables, &s_.types, &s_.views, &s_.sequences, &s_.functions}) {
      std::erase_if(*m, [&](const auto& kv) { return kv.first.starts_with(schema + "."); });
    }
  }

  void drop(const DropStmt* s) {
    for (Node* o : Nodes(s->objects)) {
      switch (s->removeType) {
        case OBJECT_SCHEMA:
          drop_schema(str_of(o));
          break;
        case OBJECT_TABLE:
        case OBJECT_FOREIGN_TABLE: {
          const std::string table = qualified(names_of(BW_AS(List, o)));
          s_.tables.erase(table);
          drop_owned_sequences(table);
          break;
        }
        case OBJECT_VIEW:
        case OBJECT_MATVIEW:
          s_.views.erase(qualified(names_of(BW_AS(List, o))));
          break;
        case OBJECT_SEQUENCE:
          s_.sequences.erase(qualified(names_of(BW_AS(List, o))));
          break;
        case OBJECT_TYPE:
        case OBJECT_DOMAIN: {
          const TypeName* t = BW_AS(TypeName, o);
          const List* names = t != nullptr ? t->names : BW_AS(List, o);
          s_.types.erase(qualified(names_of(names)));
          break;
        }
        case OBJECT_FUNCTION:
        case OBJECT_PROCEDURE:
        case OBJECT_ROUTINE: {
          const ObjectWithArgs* f = BW_AS(ObjectWithArgs, o);
          if (f == nullptr) break;
          if (f->args_unspecified) {
            const std::string name = qualified(names_of(f->objname));
            std::erase_if(s_.functions,
                          [&](const auto& kv) { return kv.second.str("function") == name; });
          } else {
            s_.functions.erase(function_key(f));
          }
          break;
        }
        case OBJECT_INDEX: {
          const std::vector<std::string> names = names_of(BW_AS(List, o));
          if (names.empty()) break;
          for (auto& [k, table] : s_.tables) {
            std::erase_if(table.children, [&](const Entity& c) {
              return c.kind == "constraint" && c.str("conname") == names.back();
            });
          }
          break;
        }
        case OBJECT_TRIGGER:
        case OBJECT_POLICY:
        case OBJECT_RULE:
        case OBJECT_EXTENSION:
        case OBJECT_PUBLICATION:
        case OBJECT_EVENT_TRIGGER:
        case OBJECT_STATISTIC_EXT:
        case OBJECT_ROLE:
          break;
        default: {
          // The object kind as PostgreSQL's JSON output names it ("removeType":"OBJECT_CAST").
          const std::string json =
              expression_key(reinterpret_cast<Node*>(const_cast<DropStmt*>(s)));
          const size_t at_kind = json.find("\"removeType\":\"OBJECT_");
          std::string kind = at_kind == std::string::npos ? "object" : json.substr(at_kind + 21);
          kind = kind.substr(0, kind.find('"'));
          std::replace(kind.begin(), kind.end(), '_', ' ');
          s_.warnings.push_back({statement_at_, "DROP " + kind + " is not compared yet"});
          return;
        }
      }
    }
  }

  static void rekey(std::map<std::string, Entity>& m, const std::string& from,
                    const std::string& to) {
    auto node = m.extract(from);
    if (node.empty()) return;
    node.key() = to;
    node.mapped().key = node.mapped().name = to;
    m.insert(std::move(node));
  }

  void move_function(const std::string& from, const std::string& new_name) {
    auto node = s_.functions.extract(from);
    if (node.empty()) return;
    Entity& f = node.mapped();
    f.set("function", new_name);
    f.key = f.name = new_name + from.substr(from.find('('));
    node.key() = f.key;
    s_.functions.insert(std::move(node));
  }

  void rename(const RenameStmt* s) {
    const std::string new_name = text_or(s->newname);
    const std::string relation = qualified(s->relation);
    const std::string schema =
        s->relation != nullptr ? text_or(s->relation->schemaname, "public") : "";
    switch (s->renameType) {
      case OBJECT_TABLE:
      case OBJECT_FOREIGN_TABLE:
        if (!s_.tables.contains(relation)) return;
        renamed("table", relation, schema + "." + new_name);
        return rekey(s_.tables, relation, schema + "." + new_name);
      case OBJECT_VIEW:
      case OBJECT_MATVIEW:
        return rekey(s_.views, relation, schema + "." + new_name);
      case OBJECT_SEQUENCE:
        return rekey(s_.sequences, relation, schema + "." + new_name);
      case OBJECT_COLUMN: {
        if (auto it = s_.tables.find(relation); it != s_.tables.end()) {
          if (Entity* col = find_child(it->second, "column", text_or(s->subname))) {
            renamed("column", relation + "." + col->key, relation + "." + new_name);
            col->key = col->name = new_name;
          }
        } else if (auto v = s_.views.find(relation); v != s_.views.end()) {
          if (Entity* col = find_child(v->second, "view_column", text_or(s->subname)))
            col->key = col->name = new_name;
        }
        return;
      }
      case OBJECT_ATTRIBUTE: {
        auto it = s_.types.find(relation);
        if (it == s_.types.end()) return;
        if (Entity* a = find_child(it->second, "attribute", text_or(s->subname)))
          a->key = a->name = new_name;
        return;
      }
      case OBJECT_TABCONSTRAINT:
      case OBJECT_INDEX: {
        const std::string old_name =
            s->renameType == OBJECT_INDEX ? text_or(s->relation->relname) : text_or(s->subname);
        for (auto& [k, table] : s_.tables) {
          if (s->renameType == OBJECT_TABCONSTRAINT && k != relation) continue;
          for (Entity& c : table.children) {
            if (c.kind != "constraint" || c.str("conname") != old_name) continue;
            c.set("conname", new_name);
            if (c.name == old_name) c.name = new_name;
          }
        }
        return;
      }
      case OBJECT_SCHEMA: {
        const std::string from = text_or(s->subname);
        rekey(s_.schemas, from, new_name);
        for (auto* m : {&s_.tables, &s_.types, &s_.views, &s_.sequences}) {
          std::vector<std::string> keys;
          for (const auto& [k, e] : *m) {
            if (k.starts_with(from + ".")) keys.push_back(k);
          }
          for (const auto& k : keys) rekey(*m, k, new_name + k.substr(from.size()));
        }
        std::vector<std::string> functions;
        for (const auto& [k, f] : s_.functions) {
          if (k.starts_with(from + ".")) functions.push_back(k);
        }
        for (const auto& k : functions) {
          const std::string fname(s_.functions[k].str("function"));
          move_function(k, new_name + fname.substr(from.size()));
        }
        return;
      }
      case OBJECT_TYPE:
      case OBJECT_DOMAIN: {
        const std::vector<std::string> names = names_of(BW_AS(List, s->object));
        const std::string from = qualified(names);
        return rekey(s_.types, from, schema_of(from) + "." + new_name);
      }
      case OBJECT_FUNCTION:
      case OBJECT_PROCEDURE:
      case OBJECT_ROUTINE: {
        const ObjectWithArgs* f = BW_AS(ObjectWithArgs, s->object);
        if (f == nullptr) return;
        const std::string from = function_key(f);
        return move_function(from, schema_of(from) + "." + new_name);
      }
      default:
        return;
    }
  }

  void set_schema(const AlterObjectSchemaStmt* s) {
    const std::string to = text_or(s->newschema);
    switch (s->objectType) {
      case OBJECT_TABLE:
      case OBJECT_FOREIGN_TABLE: {
        const std::string from = qualified(s->relation);
        if (!s_.tables.contains(from)) return;
        renamed("table", from, to + "." + unqualified(from));
        return rekey(s_.tables, from, to + "." + unqualified(from));
      }
      case OBJECT_VIEW:
      case OBJECT_MATVIEW: {
        const std::string from = qualified(s->relation);
        return rekey(s_.views, from, to + "." + unqualified(from));
      }
      case OBJECT_SEQUENCE: {
        const std::string from = qualified(s->relation);
        return rekey(s_.sequences, from, to + "." + unqualified(from));
      }
      case OBJECT_TYPE:
      case OBJECT_DOMAIN: {
        const std::string from = qualified(names_of(BW_AS(List, s->object)));
        return rekey(s_.types, from, to + "." + unqualified(from));
      }
      case OBJECT_FUNCTION:
      case OBJECT_PROCEDURE:
      case OBJECT_ROUTINE: {
        const ObjectWithArgs* f = BW_AS(ObjectWithArgs, s->object);
        if (f == nullptr) return;
        const std::string from = function_key(f);
        const std::string fname = qualified(names_of(f->objname));
        return move_function(from, to + "." + unqualified(fname));
      }
      default:
        return warn_not_compared("ALTER ... SET SCHEMA of this kind");
    }
  }

  // An explicit RENAME: in a new migration it is reported as a rename, not as a drop and an add.
  void renamed(const char* what, const std::string& from, const std::string& to) {
    Entity e;
    e.kind = "rename";
    e.key = file_rel_ + "#" + std::to_string(s_.migration_facts.size());
    e.name = from;
    e.loc = statement_at_;
    e.set("file", file_rel_);
    e.set("what", std::string(what));
    e.set("to", to);
    s_.migration_facts.push_back(std::move(e));
  }

  // ---- LOCKING facts ----
  // Kept per statement; the rules report them only for files that are new in NEW (the
  // migrations about to run). Tables created in the same file hold no rows yet, so nothing
  // about them can lock anyone out.
  // `fact` names what the statement does to running traffic; sql/checks.cpp decides which rule
  // reports it.
  void lock_issue(const char* fact, const std::string& table, std::string what) {
    Entity e;
    e.kind = "lock_issue";
    e.key = file_rel_ + "#" + std::to_string(s_.migration_facts.size());
    e.name = table;
    e.loc = statement_at_;
    e.set("fact", std::string(fact));
    e.set("file", file_rel_);
    e.set("what", std::move(what));
    s_.migration_facts.push_back(std::move(e));
  }

  void note_locking(Node* stmt) {
    if (const VariableSetStmt* set = BW_AS(VariableSetStmt, stmt)) {
      if (text_or(set->name) == "lock_timeout") lock_timeout_ = true;
      return;
    }
    if (const TransactionStmt* t = BW_AS(TransactionStmt, stmt)) {
      if (t->kind == TRANS_STMT_COMMIT || t->kind == TRANS_STMT_ROLLBACK) not_valid_here_.clear();
      return;
    }
    if (const CreateStmt* c = BW_AS(CreateStmt, stmt)) {
      created_here_.insert(qualified(c->relation));
      return;
    }
    std::string table;
    if (const IndexStmt* ix = BW_AS(IndexStmt, stmt)) {
      table = qualified(ix->relation);
      if (created_here_.contains(table)) return;
      if (!ix->concurrent) {
        lock_issue("blocking_index_build", table,
                   "CREATE INDEX on " + table + " without CONCURRENTLY blocks writes until built");
      }
    } else if (const DropStmt* d = BW_AS(DropStmt, stmt)) {
      if (d->removeType == OBJECT_INDEX && !d->concurrent) {
        lock_issue("blocking_index_drop", "index",
                   "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on its table");
      }
      return;
    } else if (const AlterTableStmt* a = BW_AS(AlterTableStmt, stmt)) {
      if (a->objtype != OBJECT_TABLE) return;
      table = qualified(a->relation);
      if (created_here_.contains(table)) return;
      for (Node* n : Nodes(a->cmds)) {
        const AlterTableCmd* cmd = BW_AS(AlterTableCmd, n);
        const Constraint* c = cmd != nullptr ? BW_AS(Constraint, cmd->def) : nullptr;
        if (c == nullptr || cmd->subtype != AT_AddConstraint) continue;
        if (c->contype != CONSTR_CHECK && c->contype != CONSTR_FOREIGN) continue;
        if (c->skip_validation) {
          if (c->conname != nullptr) not_valid_here_.insert(table + "." + c->conname);
          continue;
        }
        lock_issue("validating_add_constraint", table,
                   std::string(c->contype == CONSTR_CHECK ? "CHECK" : "FOREIGN KEY") +
                       " added to " + table + " without NOT VALID scans it under lock");
      }
      if (!lock_timeout_ && !timeout_reported_) {
        timeout_reported_ = true;
        lock_issue(
            "lock_wait_without_timeout", table,
            "ALTER TABLE " + table + " waits for an ACCESS EXCLUSIVE lock with no lock_timeout");
      }
    }
  }

  // ADD COLUMN rewrites when every existing row needs a computed value: a volatile default or
  // a stored generated column. Constant defaults are stored once (PostgreSQL 11+).
  static bool rewrites_on_add(const ColumnDef* def) {
    static const char* const volatile_calls[] = {
        "random",          "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v4",
        "clock_timestamp", "timeofday",       "nextval",          "txid_current"};
    for (Node* n : Nodes(def->constraints)) {
      const Constraint* c = BW_AS(Constraint, n);
      if (c == nullptr) continue;
      if (c->contype == CONSTR_GENERATED) return true;
      if (c->contype != CONSTR_DEFAULT || c->raw_expr == nullptr) continue;
      const std::string expr = expression_key(c->raw_expr);
      for (const char* f : volatile_calls) {
        if (expr.find("\"sval\":\"" + std::string(f) + "\"") != std::string::npos) return true;
      }
    }
    return false;
  }

  // A validated CHECK (col IS NOT NULL) already on the table lets SET NOT NULL skip its scan.
  static bool proven_not_null(const Entity& table, const std::string& column) {
    for (const Entity& c : table.children) {
      if (c.kind != "constraint" || c.str("type") != "check" || c.flag("not_valid")) continue;
      if (c.key.find("NullTest") != std::string::npos &&
          c.key.find("\"sval\":\"" + column + "\"") != std::string::npos) {
        return true;
      }
    }
    return false;
  }

  PgState& s_;
  uint32_t file_;
  const std::string& text_;
  const Lines& lines_;
  std::string file_rel_;
  SourceRef statement_at_;
  size_t base_ = 0;
  std::set<std::string> created_here_, not_valid_here_;
  bool lock_timeout_ = false, timeout_reported_ = false;
  bool recurse_ = true;  // the ALTER TABLE at hand has no ONLY
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

// libpg_query reports errors as a 1-based character position in the statement.
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

bool iequals_prefix(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

// psql meta-commands are not SQL: pg_dump writes `\restrict KEY` / `\unrestrict KEY` around
// its output (15.14+), `\connect` between databases, and COPY ... FROM stdin data ended by
// `\.`. They are blanked in place (same byte offsets, so positions stay true) before the
// scanner sees the text. Includes (`\i`, `\ir`) are never followed: a warning says so.
std::string without_psql_commands(const std::string& text, uint32_t file, const Lines& lines,
                                  std::vector<Diagnostic>& warnings) {
  std::string out = text;
  bool in_copy_data = false;
  for (size_t start = 0; start < out.size();) {
    size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    std::string_view line(out.data() + start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool meta = line.starts_with("\\");
    if (in_copy_data || meta) {
      if (meta && !in_copy_data &&
          (line.starts_with("\\i ") || line.starts_with("\\ir ") ||
           line.starts_with("\\include"))) {
        const auto [l, c] = lines.at(start);
        warnings.push_back({SourceRef{file, l, c},
                            "psql include is not followed; the included file is not compared"});
      }
      in_copy_data = in_copy_data && line != "\\.";
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(start),
                out.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    } else {
      std::string_view trimmed = line;
      while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back())))
        trimmed.remove_suffix(1);
      if (iequals_prefix(line, "COPY ") && trimmed.size() >= 11 &&
          iequals_prefix(trimmed.substr(trimmed.size() - 11), "FROM stdin;")) {
        in_copy_data = true;
      }
    }
    start = end + 1;
  }
  return out;
}

// Whether [from, to) holds nothing but whitespace, comments and semicolons.
bool only_separators(const std::string& sql, size_t from, size_t to) {
  size_t i = from;
  while (i < to) {
    if (std::isspace(static_cast<unsigned char>(sql[i])) || sql[i] == ';') {
      ++i;
    } else if (sql.compare(i, 2, "--") == 0) {
      const size_t eol = sql.find('\n', i);
      i = eol == std::string::npos ? to : eol + 1;
    } else if (sql.compare(i, 2, "/*") == 0) {
      const size_t close = sql.find("*/", i + 2);
      i = close == std::string::npos ? to : close + 2;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

void replay_postgres(PgState& state, uint32_t file_id, const std::string& text, const Lines& lines,
                     const std::string& shown, const std::string& relative) {
  const std::string sql = without_psql_commands(text, file_id, lines, state.warnings);
  const SplitResult split(sql);
  if (split.result.error != nullptr) {
    syntax_error(text, lines, shown, 0, split.result.error->cursorpos, split.result.error->message);
  }
  // The scanner's split drops a statement that holds no keyword ("garbage;", a typo such as
  // "CRATE TABLE"), so the text between the statements it found is parsed too: nothing may be
  // skipped without an error.
  std::vector<std::pair<size_t, size_t>> pieces;
  size_t covered = 0;
  for (int i = 0; i < split.result.n_stmts; ++i) {
    const PgQuerySplitStmt& st = *split.result.stmts[i];
    const size_t offset = static_cast<size_t>(st.stmt_location);
    const size_t length = st.stmt_len == 0 ? sql.size() - offset : static_cast<size_t>(st.stmt_len);
    if (!only_separators(sql, covered, offset)) pieces.emplace_back(covered, offset - covered);
    pieces.emplace_back(offset, length);
    covered = offset + length;
  }
  if (!only_separators(sql, covered, sql.size()))
    pieces.emplace_back(covered, sql.size() - covered);

  Replay replay(state, file_id, text, lines, relative);
  std::string statement;
  for (const auto& [offset, length] : pieces) {
    statement.assign(sql, offset, length);
    const MemoryContextScope context;
    const RawParse parsed(statement.c_str());
    if (parsed.result.error != nullptr) {
      syntax_error(text, lines, shown, offset, parsed.result.error->cursorpos,
                   parsed.result.error->message);
    }
    replay.set_base(offset);
    for (Node* n : Nodes(parsed.result.tree)) {
      if (const RawStmt* raw = BW_AS(RawStmt, n)) replay.statement(raw);
    }
  }
}

}  // namespace breakwater::sql
