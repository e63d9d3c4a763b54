// The PostgreSQL DDL replay: one statement at a time applied to the schema state (PgState) it
// leaves. One class, defined over several sources so each holds one family of statements:
//   pg_replay.cpp                 the file's driver, statement dispatch, positions
//   pg_replay_tables.cpp          tables, columns, constraints, unique indexes, ALTER TABLE
//   pg_replay_types.cpp           enums, composite types, domains
//   pg_replay_functions_views.cpp functions and procedures, views
//   pg_replay_drop_rename.cpp     DROP, RENAME, SET SCHEMA
//   pg_lock_facts.cpp             what a statement does to running traffic (LOCKING facts)
// Internal to formats/sql/. Include it last: it brings in the PostgreSQL server headers.
#pragma once

#include <breakwater/model.hpp>

#include "core/lines.hpp"
#include "formats/sql/pg_replay.hpp"
#include "formats/sql/types.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "formats/sql/pg_nodes.hpp"

namespace breakwater::sql {

// PostgreSQL refuses a table of more columns ("tables can have at most 1600 columns").
inline constexpr size_t kMaxColumns = 1600;

// ---- the model being built ---------------------------------------------------------------------

inline std::string schema_of(const std::string& key) {
  return key.substr(0, key.find('.'));
}

inline std::string unqualified(const std::string& key) {
  const size_t dot = key.find('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

inline Entity* find_child(Entity& parent, std::string_view kind, const std::string& key) {
  for (Entity& c : parent.children) {
    if (c.kind == kind && c.key == key) return &c;
  }
  return nullptr;
}

inline void drop_attr(Entity& e, std::string_view attr) {
  std::erase_if(e.attrs, [&](const Attr& a) { return a.name == attr; });
}

// ---- replay ----------------------------------------------------------------------------------

class Replay {
 public:
  Replay(PgState& state, uint32_t file, const std::string& text, const Lines& lines,
         std::string shown, std::string relative);

  // Statements are parsed one by one; node positions are relative to where theirs starts.
  void set_base(size_t offset) { base_ = offset; }

  void statement(const RawStmt* raw);

 private:
  // ---- positions, warnings (pg_replay.cpp) ----
  size_t skip_blank_and_comments(size_t i) const;
  SourceRef at_offset(size_t offset) const;
  // Nodes without a position of their own (enum labels, -1) are placed at their statement.
  SourceRef at(int location) const;
  // An input the replay will not take, as a located error.
  [[noreturn]] void refuse(int location, const std::string& message) const;
  std::string statement_words() const;
  // `what`: how the statement is named; null: its leading keywords.
  void warn_not_compared(const char* what);
  void add_simple(std::map<std::string, Entity>& into, std::string_view kind,
                  const std::string& key, SourceRef where);

  // ---- session settings (pg_replay.cpp) ----
  void set_variable(const VariableSetStmt* s);
  void select(const SelectStmt* s);

  // ---- sequences, tables (pg_replay_tables.cpp) ----
  void alter_sequence(const AlterSeqStmt* s);
  void drop_owned_sequences(const std::string& owner);
  void column_constraint(Entity& column, const Constraint* c);
  Entity column(const ColumnDef* def, const std::string& table_key);
  // `names`: the columns `table` has so far, when the caller keeps them (CREATE TABLE).
  void add_column(Entity& table, const ColumnDef* def, std::set<std::string>* names = nullptr);
  // A partition takes its parent's columns and constraints (keys, foreign keys, checks); an
  // INHERITS child its columns and checks; LIKE only the columns.
  enum class Inherit { columns, checks, all };
  void inherit(Entity& table, const std::string& from, Inherit what);
  void create_table(const CreateStmt* s);
  void add_constraint(Entity& table, const Constraint* c, const std::vector<std::string>& column);
  void create_index(const IndexStmt* s);
  void alter_table(const AlterTableStmt* s);
  void alter_table_cmd(Entity& table, const AlterTableCmd* cmd);

  // ---- types (pg_replay_types.cpp) ----
  void create_enum(const CreateEnumStmt* s);
  void alter_enum(const AlterEnumStmt* s);
  Entity attribute(const ColumnDef* def);
  void create_composite(const CompositeTypeStmt* s);
  void alter_composite(const AlterTableStmt* s);
  void domain_constraint(Entity& domain, const Constraint* c);
  void create_domain(const CreateDomainStmt* s);
  void alter_domain(const AlterDomainStmt* s);

  // ---- functions, views, triggers (pg_replay_functions_views.cpp) ----
  void create_function(const CreateFunctionStmt* s);
  void create_trigger(const CreateTrigStmt* s);
  void create_view(const RangeVar* range_var, Node* query, const List* aliases, bool materialized);

  // ---- drop, rename, set schema (pg_replay_drop_rename.cpp) ----
  // Records that this statement removed the element findings call `name` (Schema::removed_at).
  void removed(const std::string& name) { s_.removed[name] = statement_at_; }
  // Erases the map's entries for which `pred(key, entity)` holds, recording each removal.
  template <class Pred>
  void forget_if(std::map<std::string, Entity>& m, Pred pred) {
    for (auto it = m.begin(); it != m.end();) {
      if (pred(it->first, it->second)) {
        removed(it->second.name);
        it = m.erase(it);
      } else {
        ++it;
      }
    }
  }
  void forget(std::map<std::string, Entity>& m, const std::string& key) {
    forget_if(m, [&](const std::string& k, const Entity&) { return k == key; });
  }
  // Erases the children of `parent` for which `pred` holds, recording each as parent.conname /
  // parent.column.
  template <class Pred>
  void forget_children(Entity& parent, Pred pred) {
    std::erase_if(parent.children, [&](const Entity& c) {
      if (!pred(c)) return false;
      removed(parent.name + "." + (c.kind == "constraint" ? std::string(c.str("conname")) : c.key));
      return true;
    });
  }
  void drop_schema(const std::string& schema);
  void drop(const DropStmt* s);
  void move_function(const std::string& from, const std::string& new_name);
  void rename(const RenameStmt* s);
  void set_schema(const AlterObjectSchemaStmt* s);
  void renamed(const char* what, const std::string& from, const std::string& to);

  // ---- LOCKING facts (pg_lock_facts.cpp) ----
  void lock_issue(const char* fact, const std::string& table, std::string what);
  void recreated_column(const Entity& table, const std::string& column, SourceRef dropped_at,
                        const std::string& dropped_in);
  void note_locking(Node* stmt);
  // The ALTER TABLE steps that can hold a lock for long, noted before the step is applied.
  void note_add_column(const std::string& table, const ColumnDef* def);
  void note_validate(const std::string& table, const std::string& constraint);
  void note_type_change(const std::string& table, const std::string& column,
                        const std::string& old_text, const ColumnType& new_type);
  void note_set_not_null(const Entity& table, const std::string& column);

  PgState& s_;
  uint32_t file_;
  const std::string& text_;
  const Lines& lines_;
  std::string shown_;  // the file as errors name it
  std::string file_rel_;
  SourceRef statement_at_;
  size_t base_ = 0;
  std::set<std::string> created_here_, not_valid_here_;
  bool lock_timeout_ = false, timeout_reported_ = false;
  bool utc_session_ = false;  // SET timezone = 'UTC' earlier in the file
  bool recurse_ = true;  // the ALTER TABLE at hand has no ONLY
};

}  // namespace breakwater::sql
