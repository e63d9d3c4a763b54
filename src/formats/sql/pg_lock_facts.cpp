// LOCKING facts: what a migration statement does to running traffic (a blocking index build, a
// table rewrite, a scan under an ACCESS EXCLUSIVE lock, a lock wait without lock_timeout),
// recorded as plain facts ("blocking_index_build", ...) in PgState::migration_facts.
// sql/checks.cpp decides which rule reports each fact; nothing here names a rule.
// Kept per statement; the rules report them only for files that are new in NEW (the
// migrations about to run). Tables created in the same file hold no rows yet, so nothing
// about them can lock anyone out.
#include "formats/sql/migration_facts.hpp"
#include "formats/sql/types.hpp"

// Last: the server headers.
#include "core/quote.hpp"
#include "formats/sql/pg_replayer.hpp"

namespace breakwater::sql {
namespace {

// ADD COLUMN rewrites when every existing row needs a computed value: a volatile default or
// a stored generated column. Constant defaults are stored once (PostgreSQL 11+).
bool rewrites_on_add(const ColumnDef* def) {
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
bool proven_not_null(const Entity& table, const std::string& column) {
  for (const Entity& c : table.children) {
    if (c.kind != "constraint" || c.str("type") != "check" || c.flag("not_valid")) continue;
    if (c.key.find("NullTest") != std::string::npos &&
        c.key.find("\"sval\":\"" + column + "\"") != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

// `fact` names what the statement does to running traffic; sql/checks.cpp decides which rule
// reports it.
void Replay::lock_issue(const char* fact, const std::string& table, std::string what) {
  s_.migration_facts.push_back(lock_fact(file_rel_, s_.migration_facts.size(), fact, table,
                                         std::move(what), statement_at_));
}

// DROP COLUMN then ADD COLUMN of the same name: the comparison of states sees the column on
// both sides, but every value it held is gone. Reported at the DROP, as a fact of the DROP's
// file, so only when that migration is new.
void Replay::recreated_column(const Entity& table, const std::string& column, SourceRef dropped_at,
                              const std::string& dropped_in) {
  s_.migration_facts.push_back(lock_fact(
      dropped_in, s_.migration_facts.size(), "column_recreated", table.name + "." + column,
      "Column " + detail::quoted(column) + " of table " + detail::quoted(table.name) +
          " is dropped and added again (" + file_rel_ + ":" + std::to_string(statement_at_.line) +
          "): the column survives, every value it held is deleted",
      dropped_at));
}

// Before each statement: what the file has set up so far (lock_timeout, the tables it created,
// the constraints added NOT VALID in the open transaction), and the facts of the statement.
void Replay::note_locking(Node* stmt) {
  if (const VariableSetStmt* set = BW_AS(VariableSetStmt, stmt)) {
    if (text_or(set->name) == "lock_timeout") lock_timeout_ = true;
    if (text_or(set->name) == "timezone") {
      std::string zone = set->kind == VAR_SET_VALUE && Nodes(set->args).size() == 1
                             ? const_string(static_cast<Node*>(linitial(set->args)))
                             : std::string();
      for (char& c : zone) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      utc_session_ = zone == "UTC" || zone == "ETC/UTC" || zone == "Z" || zone == "ZULU";
    }
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
                 std::string(c->contype == CONSTR_CHECK ? "CHECK" : "FOREIGN KEY") + " added to " +
                     table + " without NOT VALID scans it under lock");
    }
    if (!lock_timeout_ && !timeout_reported_) {
      timeout_reported_ = true;
      lock_issue(
          "lock_wait_without_timeout", table,
          "ALTER TABLE " + table + " waits for an ACCESS EXCLUSIVE lock with no lock_timeout");
    }
  }
}

void Replay::note_add_column(const std::string& table, const ColumnDef* def) {
  if (!created_here_.contains(table) && rewrites_on_add(def)) {
    lock_issue("rewrite_on_add_column", table,
               "adding " + table + "." + text_or(def->colname) +
                   " with a volatile default or as a stored generated column rewrites the "
                   "table under an ACCESS EXCLUSIVE lock");
  }
}

void Replay::note_validate(const std::string& table, const std::string& constraint) {
  if (!created_here_.contains(table) && not_valid_here_.contains(table + "." + constraint)) {
    lock_issue("validate_in_adding_transaction", table,
               "constraint " + constraint + " on " + table +
                   " is validated in the same transaction that added it NOT VALID, so the "
                   "ACCESS EXCLUSIVE lock is held during the scan; validate in a later "
                   "migration");
  }
}

void Replay::note_type_change(const std::string& table, const std::string& column,
                              const std::string& old_text, const ColumnType& new_type) {
  // PostgreSQL 12+: timestamp <-> timestamptz of the same precision is no rewrite when the
  // session's TimeZone is UTC (the stored microseconds are the same instants).
  const ColumnType old_type = parse_type(old_text);
  const bool utc_retag =
      utc_session_ && old_type.modifiers == new_type.modifiers &&
      old_type.array_dims == new_type.array_dims &&
      ((old_type.name == "timestamp" && new_type.name == "timestamptz") ||
       (old_type.name == "timestamptz" && new_type.name == "timestamp"));
  if (!created_here_.contains(table) && !utc_retag && !binary_coercible(old_type, new_type)) {
    lock_issue("rewrite_on_type_change", table,
               "changing " + table + "." + column + " from " + old_text + " to " + new_type.text() +
                   " rewrites the table under an ACCESS EXCLUSIVE lock");
  }
}

void Replay::note_set_not_null(const Entity& table, const std::string& column) {
  if (!created_here_.contains(table.key) && !proven_not_null(table, column)) {
    lock_issue("scan_for_not_null", table.key,
               "SET NOT NULL on " + table.key + "." + column +
                   " scans the table under an ACCESS EXCLUSIVE lock (no validated CHECK "
                   "proves it first)");
  }
}

}  // namespace breakwater::sql
