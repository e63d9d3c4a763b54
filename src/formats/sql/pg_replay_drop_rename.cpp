// Replaying what removes or moves objects: DROP (CASCADE through a schema), RENAME of tables,
// columns, constraints, schemas, types and functions, and SET SCHEMA. Explicit renames of
// tables and columns are recorded as migration facts, so a new migration reports a rename
// rather than a drop and an add.
#include "formats/sql/migration_facts.hpp"

#include <algorithm>

// Last: the server headers.
#include "formats/sql/pg_replayer.hpp"

namespace breakwater::sql {
namespace {

void rekey(std::map<std::string, Entity>& m, const std::string& from, const std::string& to) {
  auto node = m.extract(from);
  if (node.empty()) return;
  node.key() = to;
  node.mapped().key = node.mapped().name = to;
  m.insert(std::move(node));
}

}  // namespace

void Replay::drop_schema(const std::string& schema) {
  forget(s_.schemas, schema);
  // DROP SCHEMA ... CASCADE takes everything in it along.
  for (auto* m : {&s_.tables, &s_.types, &s_.views, &s_.sequences, &s_.functions}) {
    forget_if(*m, [&](const std::string& key, const Entity&) {
      return key.starts_with(schema + ".");
    });
  }
}

void Replay::drop(const DropStmt* s) {
  for (Node* o : Nodes(s->objects)) {
    switch (s->removeType) {
      case OBJECT_SCHEMA:
        drop_schema(str_of(o));
        break;
      case OBJECT_TABLE:
      case OBJECT_FOREIGN_TABLE: {
        const std::string table = qualified(names_of(BW_AS(List, o)));
        forget(s_.tables, table);
        drop_owned_sequences(table);
        forget_if(s_.triggers, [&](const std::string&, const Entity& t) {
          return t.str("table") == table;
        });
        break;
      }
      case OBJECT_VIEW:
      case OBJECT_MATVIEW:
        forget(s_.views, qualified(names_of(BW_AS(List, o))));
        break;
      case OBJECT_SEQUENCE:
        forget(s_.sequences, qualified(names_of(BW_AS(List, o))));
        break;
      case OBJECT_TYPE:
      case OBJECT_DOMAIN: {
        const TypeName* t = BW_AS(TypeName, o);
        const List* names = t != nullptr ? t->names : BW_AS(List, o);
        forget(s_.types, qualified(names_of(names)));
        break;
      }
      case OBJECT_FUNCTION:
      case OBJECT_PROCEDURE:
      case OBJECT_ROUTINE: {
        const ObjectWithArgs* f = BW_AS(ObjectWithArgs, o);
        if (f == nullptr) break;
        if (f->args_unspecified) {
          const std::string name = qualified(names_of(f->objname));
          forget_if(s_.functions, [&](const std::string&, const Entity& e) {
            return e.str("function") == name;
          });
        } else {
          forget(s_.functions, function_key(f));
        }
        break;
      }
      case OBJECT_INDEX: {
        const std::vector<std::string> names = names_of(BW_AS(List, o));
        if (names.empty()) break;
        for (auto& [k, table] : s_.tables) {
          forget_children(table, [&](const Entity& c) {
            return c.kind == "constraint" && c.str("conname") == names.back();
          });
        }
        break;
      }
      case OBJECT_TRIGGER: {
        // DROP TRIGGER name ON [schema.]table: the list ends with the trigger's name.
        std::vector<std::string> names = names_of(BW_AS(List, o));
        if (names.size() < 2) break;
        const std::string trigger = names.back();
        names.pop_back();
        forget(s_.triggers, qualified(names) + "." + trigger);
        break;
      }
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
        const std::string json = expression_key(reinterpret_cast<Node*>(const_cast<DropStmt*>(s)));
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

void Replay::move_function(const std::string& from, const std::string& new_name) {
  auto node = s_.functions.extract(from);
  if (node.empty()) return;
  Entity& f = node.mapped();
  f.set("function", new_name);
  f.key = f.name = new_name + from.substr(from.find('('));
  node.key() = f.key;
  s_.functions.insert(std::move(node));
}

// Constraints name tables and columns in their keys ("unique (a, b)", "foreign key (a)
// references public.t (id)"): a rename must reach them, or the renamed table's keys and every
// foreign key to it would read as dropped and added. `column` empty: table `from` is now `to`;
// else column `column` of table `from` is now `to`.
namespace {

void rename_in_constraints(std::map<std::string, Entity>& tables, const std::string& from,
                           const std::string& column, const std::string& to) {
  const auto rename_list = [&](const std::string& list) {
    std::string out;
    for (size_t start = 0; start <= list.size();) {
      const size_t comma = std::min(list.find(", ", start), list.size());
      const std::string item = list.substr(start, comma - start);
      out += (out.empty() ? "" : ", ") + (item == column ? to : item);
      start = comma + 2;
    }
    return out;
  };
  for (auto& [key, table] : tables) {
    for (Entity& c : table.children) {
      if (c.kind != "constraint") continue;
      const std::string type(c.str("type"));
      if (type != "unique" && type != "primary key" && type != "foreign key") continue;
      std::string references(c.str("references"));
      const size_t open = references.find(" (");
      if (type == "foreign key" && open != std::string::npos) {
        const std::string target = references.substr(0, open);
        const std::string cols = references.substr(open + 2, references.size() - open - 3);
        if (target == from) {
          references = column.empty() ? to + references.substr(open)
                                      : target + " (" + rename_list(cols) + ")";
          c.set("references", references, c.loc_of("references"));
        }
      }
      if (!column.empty() && key == from) {
        c.set("columns", rename_list(std::string(c.str("columns"))), c.loc_of("columns"));
      }
      if (type == "primary key") continue;
      // The key: "<type> (<columns>)" and, for a foreign key, " references <target>".
      const size_t cols_open = c.key.find(" (");
      const size_t cols_close = c.key.find(')', cols_open);
      if (cols_open == std::string::npos || cols_close == std::string::npos) continue;
      std::string head = c.key.substr(0, cols_open + 2);
      std::string cols = c.key.substr(cols_open + 2, cols_close - cols_open - 2);
      std::string tail = c.key.substr(cols_close);
      if (!column.empty() && key == from) cols = rename_list(cols);
      if (type == "foreign key") tail = ") references " + references;
      const std::string renamed_key = head + cols + tail;
      if (c.name == c.key) c.name = renamed_key;
      c.key = renamed_key;
    }
  }
}

}  // namespace

void Replay::rename(const RenameStmt* s) {
  const std::string new_name = text_or(s->newname);
  const std::string relation = qualified(s->relation);
  // The schema the relation resolved to (its own, or the search path's).
  const std::string schema = s->relation != nullptr ? schema_of(relation) : "";
  switch (s->renameType) {
    case OBJECT_TABLE:
    case OBJECT_FOREIGN_TABLE:
      if (!s_.tables.contains(relation)) return;
      renamed("table", relation, schema + "." + new_name);
      rename_in_constraints(s_.tables, relation, {}, schema + "." + new_name);
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
          const std::string old_name = col->key;
          col->key = col->name = new_name;
          rename_in_constraints(s_.tables, relation, old_name, new_name);
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

void Replay::set_schema(const AlterObjectSchemaStmt* s) {
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
void Replay::renamed(const char* what, const std::string& from, const std::string& to) {
  s_.migration_facts.push_back(rename_fact(file_rel_, s_.migration_facts.size(),
                                           std::string_view(what) == "table", from, to,
                                           statement_at_));
}

}  // namespace breakwater::sql
