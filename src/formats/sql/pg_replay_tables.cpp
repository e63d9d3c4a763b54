// Replaying tables: CREATE TABLE with its columns and constraints (partitions and inheriting
// children take their parent's), unique indexes as constraints, ALTER TABLE step by step, and
// the sequences that belong to columns (serial, OWNED BY). Constraints are keyed by what they
// enforce, not by name, so hand-written DDL and pg_dump output compare equal.
#include "core/quote.hpp"
#include "formats/sql/types.hpp"

// Last: the server headers.
#include "formats/sql/pg_replayer.hpp"

namespace breakwater::sql {

// OWNED BY ties a sequence to a column: dropping the table or column drops it too.
void Replay::alter_sequence(const AlterSeqStmt* s) {
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
void Replay::drop_owned_sequences(const std::string& owner) {
  std::erase_if(s_.sequences, [&](const auto& kv) {
    const std::string_view by = kv.second.str("owned_by");
    if (by == owner) return true;
    return by.starts_with(owner + ".") &&
           std::count(owner.begin(), owner.end(), '.') == 1;  // a table: any of its columns
  });
}

void Replay::column_constraint(Entity& column, const Constraint* c) {
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

Entity Replay::column(const ColumnDef* def, const std::string& table_key) {
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
void Replay::add_column(Entity& table, const ColumnDef* def, std::set<std::string>* names) {
  const std::string name = text_or(def->colname);
  // PostgreSQL's own limit, which also keeps each column lookup below short: a table built of
  // 100,000 ADD COLUMN statements would otherwise cost a scan of its columns per statement.
  const size_t columns =
      names != nullptr ? names->size()
                       : static_cast<size_t>(std::count_if(
                             table.children.begin(), table.children.end(),
                             [](const Entity& c) { return c.kind == "column"; }));
  const auto is_new = [&] {
    return names != nullptr ? names->count(name) == 0
                            : find_child(table, "column", name) == nullptr;
  };
  if (columns >= kMaxColumns && is_new()) {
    refuse(def->location, "table " + detail::quoted(table.name) + " would have more than " +
                              std::to_string(kMaxColumns) +
                              " columns, PostgreSQL's limit; refused");
  }
  // CREATE TABLE knows the names it has added: a new one goes straight on (a table of 200,000
  // columns must not cost a scan per column).
  if (names != nullptr && names->insert(name).second) {
    table.children.push_back(column(def, table.key));
    for (Node* n : Nodes(def->constraints)) {
      if (const Constraint* c = BW_AS(Constraint, n)) add_constraint(table, c, {name});
    }
    return;
  }
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
  if (const auto dropped = s_.dropped_columns.find(table.key + "." + name);
      dropped != s_.dropped_columns.end()) {
    // Between the two states the column is still there; its data is not.
    recreated_column(table, name, dropped->second.first, dropped->second.second);
    s_.dropped_columns.erase(dropped);
  }
  table.children.push_back(column(def, table.key));
  for (Node* n : Nodes(def->constraints)) {
    if (const Constraint* c = BW_AS(Constraint, n)) add_constraint(table, c, {name});
  }
}

void Replay::inherit(Entity& table, const std::string& from, Inherit what) {
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

void Replay::create_table(const CreateStmt* s) {
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
  std::set<std::string> names;
  for (const Entity& c : table.children) {
    if (c.kind == "column") names.insert(c.key);
  }
  // Room for what is written here and for the few constraints a dump adds later by ALTER
  // TABLE (primary, unique and foreign keys): grown by doubling instead, a model of many tables
  // would carry a third of its size as spare capacity while it loads.
  table.children.reserve(table.children.size() +
                         static_cast<size_t>(list_length(s->tableElts)) + 4);
  for (Node* e : Nodes(s->tableElts)) {
    if (const ColumnDef* def = BW_AS(ColumnDef, e)) {
      add_column(table, def, &names);
    } else if (const Constraint* c = BW_AS(Constraint, e)) {
      add_constraint(table, c, {});
    } else if (const TableLikeClause* like = BW_AS(TableLikeClause, e)) {
      inherit(table, qualified(like->relation), Inherit::columns);
      for (const Entity& c : table.children) {
        if (c.kind == "column") names.insert(c.key);
      }
    }
  }
  for (Node* n : Nodes(s->constraints)) {
    if (const Constraint* c = BW_AS(Constraint, n)) add_constraint(table, c, {});
  }
  s_.tables[table.key] = std::move(table);
}

// PRIMARY KEY, UNIQUE, EXCLUDE, CHECK and FOREIGN KEY, keyed by what they enforce rather
// than by name (generated names differ between hand-written DDL and pg_dump output).
void Replay::add_constraint(Entity& table, const Constraint* c,
                            const std::vector<std::string>& column) {
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
  if (c->nulls_not_distinct) con.set("nulls_not_distinct", true);
  if (c->contype == CONSTR_PRIMARY) {
    key = "primary key";
    for (const auto& col : cols) {
      if (Entity* e = find_child(table, "column", col)) e->set("not_null", true, con.loc);
    }
  } else if (c->contype == CONSTR_CHECK) {
    // The condition names its columns; where it was written (column or table) does not matter.
    key = "check " + expression_key(c->raw_expr);
    // `CHECK (x IS NOT NULL)`: all a NOT NULL column already guarantees.
    if (const std::string col = not_null_test_of(c->raw_expr); !col.empty()) {
      con.set("not_null_of", col);
    }
  } else if (c->contype == CONSTR_EXCLUSION) {
    key += " " + expression_key(reinterpret_cast<Node*>(c->exclusions)) +
           expression_key(c->where_clause);
  } else if (c->contype == CONSTR_FOREIGN) {
    std::vector<std::string> target_cols = names_of(c->pk_attrs);
    // `REFERENCES t` means t's primary key: named, so it matches `REFERENCES t (id)`.
    if (target_cols.empty()) {
      if (const auto t = s_.tables.find(qualified(c->pktable)); t != s_.tables.end()) {
        for (const Entity& k : t->second.children) {
          if (k.kind == "constraint" && k.str("type") == "primary key") {
            target_cols.push_back(std::string(k.str("columns")));
          }
        }
      }
    }
    const std::string target = qualified(c->pktable) + " (" + joined(target_cols) + ")";
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

void Replay::create_index(const IndexStmt* s) {
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
  if (s->nulls_not_distinct) con.set("nulls_not_distinct", true);
  // The predicate's AND-ed terms, so that a narrower predicate (more terms) is recognised.
  if (s->whereClause != nullptr) con.set("where_terms", and_terms_key(s->whereClause));
  it->second.children.push_back(std::move(con));
}

void Replay::alter_table(const AlterTableStmt* s) {
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

void Replay::alter_table_cmd(Entity& table, const AlterTableCmd* cmd) {
  const std::string name = text_or(cmd->name);
  if (cmd->subtype == AT_AddColumn || cmd->subtype == AT_AddColumnRecurse) {
    const ColumnDef* def = BW_AS(ColumnDef, cmd->def);
    if (def == nullptr) return;
    if (cmd->missing_ok && find_child(table, "column", text_or(def->colname)) != nullptr) return;
    note_add_column(table.key, def);
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
    note_validate(table.key, name);
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
    forget_children(table, [&](const Entity& c) {
      return c.kind == "constraint" && c.str("conname") == name;
    });
    return;
  }
  if (cmd->subtype == AT_DropColumn || cmd->subtype == AT_DropColumnRecurse) {
    // A column of a table an earlier file made holds rows; one this file made does not yet.
    if (find_child(table, "column", name) != nullptr && !created_here_.contains(table.key)) {
      s_.dropped_columns[table.key + "." + name] = {statement_at_, file_rel_};
    }
    drop_owned_sequences(table.key + "." + name);
    forget_children(table, [&](const Entity& c) {
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
      note_type_change(table.key, name, old_text, new_type);
      col->set("type", new_type.text(), at(def->typeName->location));
      return;
    }
    case AT_DropIdentity:
      removed(table.name + "." + name + "@identity");
      return drop_attr(*col, "identity");
    case AT_AddIdentity:
      col->set("identity", true, statement_at_);
      return;
    case AT_DropExpression:
      return drop_attr(*col, "generated");
    case AT_SetNotNull:
      note_set_not_null(table, name);
      col->set("not_null", true, statement_at_);
      return;
    case AT_DropNotNull:
      return drop_attr(*col, "not_null");
    case AT_ColumnDefault:
      if (cmd->def != nullptr) {
        col->set("default", expression_key(cmd->def), statement_at_);
      } else {
        removed(table.name + "." + name + "@default");
        drop_attr(*col, "default");
      }
      return;
    default:
      return;  // storage, statistics, options, ownership, triggers, RLS...
  }
}

}  // namespace breakwater::sql
