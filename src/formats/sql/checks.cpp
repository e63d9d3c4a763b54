// The SQL rules: one comparison per table, column and enum of OLD and NEW.
#include "formats/sql/checks.hpp"
#include "rule_ids/sql.hpp"

#include <breakwater/check.hpp>
#include <breakwater/diff.hpp>

#include "formats/sql/mysql_types.hpp"
#include "formats/sql/types.hpp"

#include "core/quote.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <optional>
#include <set>

namespace breakwater::sql {
namespace {

std::string q(std::string_view s) {
  return detail::quoted(s);
}

// Same definition: type, nullability, default. A dropped and an added column that agree on all
// three, in the same position, are most likely one column renamed.
bool same_definition(const Entity& a, const Entity& b) {
  return a.str("type") == b.str("type") && a.flag("not_null") == b.flag("not_null") &&
         a.str("default") == b.str("default");
}

// SQLite stores any value in any column (outside STRICT tables); the affinity only decides
// how a written value is converted. TEXT and BLOB (none) convert nothing a writer sends into
// something else, so nothing old writers wrote or write is refused or changed; numeric ones
// turn text that looks like a number into a number ('007' into 7).
std::optional<std::string> sqlite_narrowing(std::string_view o, std::string_view n) {
  if (o == n || n == "text" || n == "blob") return std::nullopt;
  if (n == "numeric" && (o == "integer" || o == "real")) return std::nullopt;
  if (n == "real" && o == "integer") {
    return "integers beyond 2^53 lose precision in real affinity";
  }
  return "the affinity changes from " + std::string(o) + " to " + std::string(n) +
         ": text that looks like a number is now stored as a number ('007' as 7)";
}

std::string_view schema_of(std::string_view key) {
  return key.substr(0, key.find('.'));
}

// The same columns in the same order with the same definitions (and at least one column).
bool same_columns(const Entity& a, const Entity& b) {
  std::vector<const Entity*> ca, cb;
  for (const Entity& c : a.children) {
    if (c.kind == "column") ca.push_back(&c);
  }
  for (const Entity& c : b.children) {
    if (c.kind == "column") cb.push_back(&c);
  }
  if (ca.empty() || ca.size() != cb.size()) return false;
  for (size_t i = 0; i < ca.size(); ++i) {
    if (ca[i]->key != cb[i]->key || !same_definition(*ca[i], *cb[i])) return false;
  }
  return true;
}

int column_index(const Entity& table, const Entity& column) {
  int i = 0;
  for (const Entity& c : table.children) {
    if (&c == &column) return i;
    if (c.kind == "column") ++i;
  }
  return -1;
}

// Collation changes (MySQL columns: information_schema gives them). Columns that changed from
// one collation to the same other one at the same statement (a table's CONVERT TO CHARACTER
// SET) are one finding on the table, naming them, rather than one per column.
void check_collations(const Entity& old_table, const Entity& new_table,
                      const detail::RuleSelection& on, detail::Emitter& out) {
  if (!on.on(rules::sql::COLUMN_COLLATION_NO_CHANGE)) return;
  struct Change {
    const Entity* o;
    const Entity* n;
  };
  std::map<std::tuple<std::string_view, std::string_view, uint32_t, uint32_t>, std::vector<Change>>
      groups;  // (from, to, file, line) -> columns, in table order
  for (const EntityPair& p : align(old_table.children, new_table.children, "column")) {
    if (p.old_entity == nullptr || p.new_entity == nullptr) continue;
    const Entity& o = *p.old_entity;
    const Entity& n = *p.new_entity;
    if (!o.has("collation") || !n.has("collation") || o.str("collation") == n.str("collation")) {
      continue;
    }
    const SourceRef at = n.loc_of("collation");
    groups[{o.str("collation"), n.str("collation"), at.file, at.line}].push_back({&o, &n});
  }
  const std::string why = ": which values are equal, unique and in what order changes.";
  for (const auto& [key, changes] : groups) {
    const std::string from(std::get<0>(key)), to(std::get<1>(key));
    if (changes.size() == 1) {
      const Entity& n = *changes.front().n;
      out.emit(rules::sql::COLUMN_COLLATION_NO_CHANGE, new_table.name + "." + n.key,
               "Column " + q(n.key) + " of table " + q(new_table.name) + " changed collation from " +
                   from + " to " + to + why,
               n.loc_of("collation"), changes.front().o->loc_of("collation"));
      continue;
    }
    std::string names;
    for (size_t i = 0; i < changes.size() && i < 5; ++i) {
      names += (i ? ", " : "") + q(changes[i].n->key);
    }
    if (changes.size() > 5) names += " and " + std::to_string(changes.size() - 5) + " more";
    out.emit(rules::sql::COLUMN_COLLATION_NO_CHANGE, new_table.name,
             std::to_string(changes.size()) + " columns of table " + q(new_table.name) + " (" +
                 names + ") changed collation from " + from + " to " + to + why,
             changes.front().n->loc_of("collation"), changes.front().o->loc_of("collation"));
  }
}

void check_columns(const Entity& old_table, const Entity& new_table,
                   const detail::RuleSelection& on,
                   const std::map<std::string, std::string>& explicit_renames,
                   detail::Emitter& out) {
  const std::vector<EntityPair> pairs = align(old_table.children, new_table.children, "column");
  // Pair up probable renames first.
  std::vector<std::pair<const Entity*, const Entity*>> renamed;
  for (const EntityPair& gone : pairs) {
    if (gone.new_entity != nullptr) continue;
    // A migration's own DROP COLUMN says what happened: no rename is guessed for it.
    if (out.removed_in_new(new_table.name + "." + gone.old_entity->key, {}).known()) continue;
    for (const EntityPair& added : pairs) {
      if (added.old_entity != nullptr || !same_definition(*gone.old_entity, *added.new_entity) ||
          column_index(old_table, *gone.old_entity) != column_index(new_table, *added.new_entity)) {
        continue;
      }
      renamed.emplace_back(gone.old_entity, added.new_entity);
    }
  }
  auto rename_of = [&](const Entity* e) -> const std::pair<const Entity*, const Entity*>* {
    for (const auto& r : renamed) {
      if (r.first == e || r.second == e) return &r;
    }
    return nullptr;
  };
  for (const EntityPair& p : pairs) {
    const Entity* either = p.new_entity ? p.new_entity : p.old_entity;
    if (const auto* r = rename_of(either)) {
      if (p.old_entity != nullptr && on.on(rules::sql::COLUMN_NO_RENAME) &&
          !explicit_renames.contains(new_table.name + "." + r->first->key)) {
        out.emit(rules::sql::COLUMN_NO_RENAME, new_table.name + "." + r->first->key,
                 "Column " + q(r->first->key) + " of table " + q(new_table.name) +
                     " was probably renamed to " + q(r->second->key) +
                     " (dropped and added with the same definition).",
                 r->second->loc, r->first->loc);
      }
      continue;
    }
    const std::string where =
        new_table.name + "." + (p.new_entity ? p.new_entity : p.old_entity)->key;
    if (p.new_entity == nullptr) {
      if (on.on(rules::sql::COLUMN_NO_DELETE) && !explicit_renames.contains(where)) {
        out.emit(
            rules::sql::COLUMN_NO_DELETE, where,
            "Column " + q(p.old_entity->key) + " of table " + q(new_table.name) + " was dropped.",
            out.removed_in_new(where, new_table.loc), p.old_entity->loc);
      }
      continue;
    }
    const Entity& n = *p.new_entity;
    if (p.old_entity == nullptr) {
      const bool filled = n.has("default") || n.flag("identity") || n.flag("generated");
      if (n.flag("not_null") && !filled && on.on(rules::sql::COLUMN_REQUIRED_NO_ADD)) {
        // Added with a DEFAULT that a later DROP DEFAULT removed: the DROP makes it required.
        out.emit(rules::sql::COLUMN_REQUIRED_NO_ADD, where,
                 "Column " + q(n.key) + " added to table " + q(new_table.name) +
                     " is NOT NULL without a DEFAULT.",
                 out.removed_in_new(where + "@default", n.loc_of("not_null")), {});
      }
      continue;
    }
    const Entity& o = *p.old_entity;
    const bool old_filled =
        o.flag("identity") || o.str("default").find("nextval") != std::string_view::npos;
    const bool new_filled =
        n.flag("identity") || n.str("default").find("nextval") != std::string_view::npos;
    if (old_filled && !new_filled && on.on(rules::sql::IDENTITY_NO_DROP)) {
      out.emit(rules::sql::IDENTITY_NO_DROP, where,
               "Column " + q(n.key) + " of table " + q(new_table.name) +
                   " no longer generates its values (identity or sequence default removed).",
               out.removed_in_new(where + "@identity", out.removed_in_new(where + "@default", n.loc)),
               o.loc);
    }
    if (!o.flag("generated") && n.flag("generated") && on.on(rules::sql::COLUMN_NO_BECOME_GENERATED)) {
      out.emit(rules::sql::COLUMN_NO_BECOME_GENERATED, where,
               "Column " + q(n.key) + " of table " + q(new_table.name) +
                   " became GENERATED; writes to it now fail.",
               n.loc_of("generated"), o.loc);
    }
    if (on.on(rules::sql::COLUMN_TYPE_NO_NARROW)) {
      // MySQL's types follow MySQL's rules (signedness, byte lengths, ENUM members); SQLite
      // compares affinities.
      const std::string_view dialect = new_table.str("dialect");
      const auto why = dialect == "mysql"    ? mysql_narrowing(o, n)
                       : dialect == "sqlite" ? sqlite_narrowing(o.str("type"), n.str("type"))
                                             : narrowing(parse_type(o.str("type")),
                                                         parse_type(n.str("type")));
      if (why) {
        out.emit(rules::sql::COLUMN_TYPE_NO_NARROW, where,
                 "Column " + q(n.key) + " of table " + q(new_table.name) + " changed type from " +
                     std::string(o.str("type")) + " to " + std::string(n.str("type")) + ": " +
                     *why + ".",
                 n.loc_of("type"), o.loc_of("type"));
      }
    }
    if (!o.flag("not_null") && n.flag("not_null") && on.on(rules::sql::COLUMN_NO_SET_NOT_NULL)) {
      // With a DEFAULT, writers that leave the column out are covered; stored NULLs and
      // writers that write NULL are not.
      out.emit(rules::sql::COLUMN_NO_SET_NOT_NULL, where,
               "Column " + q(n.key) + " of table " + q(new_table.name) +
                   " changed from NULL to NOT NULL" +
                   (n.has("default") ? " (its DEFAULT covers writers that leave it out, not "
                                       "rows holding NULL or writers that write NULL)."
                                     : "."),
               n.loc_of("not_null"), o.loc);
    }
    if (o.has("default") && !n.has("default") && n.flag("not_null") && !old_filled &&
        on.on(rules::sql::COLUMN_DEFAULT_NO_DROP)) {
      out.emit(rules::sql::COLUMN_DEFAULT_NO_DROP, where,
               "Column " + q(n.key) + " of table " + q(new_table.name) +
                   " is NOT NULL and lost its DEFAULT.",
               out.removed_in_new(where + "@default", n.loc), o.loc_of("default"));
    }
  }
}

bool had_columns(const Entity& old_table, std::string_view columns) {
  size_t start = 0;
  while (start <= columns.size()) {
    const size_t comma = columns.find(", ", start);
    const std::string_view col = columns.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    for (const Entity& c : old_table.children) {
      if (c.kind == "column" && c.key == col) return true;
    }
    if (comma == std::string_view::npos) break;
    start = comma + 2;
  }
  return false;
}

std::set<std::string> split_set(std::string_view text, std::string_view separator) {
  std::set<std::string> out;
  for (size_t start = 0; start < text.size();) {
    const size_t end = std::min(text.find(separator, start), text.size());
    if (end > start) out.emplace(text.substr(start, end - start));
    start = end + separator.size();
  }
  return out;
}

bool is_unique(const Entity& con) {
  const std::string_view type = con.str("type");
  return type == "unique" || type == "primary key";
}

bool subset(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

// Whether `wider` already rejected every pair of rows `narrower` rejects: its columns are a
// subset of narrower's (two rows equal on narrower's columns are equal on its own), and it
// held on every row narrower holds on (narrower's predicate has all of its AND-ed terms, and
// then some). NULLs: a NULLS NOT DISTINCT constraint rejects what a plain one accepts.
bool implies_uniqueness(const Entity& wider, const Entity& narrower) {
  const std::set<std::string> wide_cols = split_set(wider.str("columns"), ", ");
  if (wide_cols.empty() || wide_cols.contains("(expression)")) return false;
  if (narrower.flag("nulls_not_distinct") && !wider.flag("nulls_not_distinct")) return false;
  return subset(wide_cols, split_set(narrower.str("columns"), ", ")) &&
         subset(split_set(wider.str("where_terms"), "\n"),
                split_set(narrower.str("where_terms"), "\n"));
}

// The same guarantee under another name or form: a primary key in place of a UNIQUE on the
// same columns, the columns in another order. Conflict targets (`ON CONFLICT (a, b)`) and
// foreign keys find it as they found the old one.
bool same_uniqueness(const Entity& a, const Entity& b) {
  return split_set(a.str("columns"), ", ") == split_set(b.str("columns"), ", ") &&
         a.str("where_terms") == b.str("where_terms") &&
         a.flag("nulls_not_distinct") == b.flag("nulls_not_distinct") &&
         a.str("columns").find("(expression)") == std::string_view::npos;
}

// A column NEW adds that old rows and old writers leave NULL: nullable, with no default.
bool new_and_left_null(const Entity& old_table, const Entity& new_table, const std::string& col) {
  for (const Entity& c : old_table.children) {
    if (c.kind == "column" && c.key == col) return false;
  }
  for (const Entity& c : new_table.children) {
    if (c.kind != "column" || c.key != col) continue;
    return !c.flag("not_null") && !c.has("default") && !c.flag("identity") &&
           !c.flag("generated");
  }
  return false;
}

// Whether old rows and old writers can still break the new constraint `n`.
bool old_data_can_violate(const Entity& old_table, const Entity& new_table, const Entity& n) {
  if (is_unique(n)) {
    // NULLs are distinct: a column old writers leave NULL keeps every old row apart.
    if (!n.flag("nulls_not_distinct")) {
      for (const std::string& col : split_set(n.str("columns"), ", ")) {
        if (new_and_left_null(old_table, new_table, col)) return false;
      }
    }
    for (const Entity& o : old_table.children) {
      if (o.kind == "constraint" && is_unique(o) && implies_uniqueness(o, n)) return false;
    }
  }
  if (const std::string_view col = n.str("not_null_of"); !col.empty()) {
    for (const Entity& c : old_table.children) {
      if (c.kind == "column" && c.key == col && c.flag("not_null")) return false;
    }
  }
  return true;
}

// An OLD foreign key as NEW's migrations left it: the table and columns it references renamed
// by explicit RENAMEs (a chain followed), so a key to a renamed table is the same key.
Entity renamed_reference(Entity fk, const std::map<std::string, std::string>& renames) {
  std::string ref(fk.str("references"));
  const size_t open = ref.find(" (");
  if (open == std::string::npos || !ref.ends_with(")")) return fk;
  std::string table = ref.substr(0, open);
  for (int hops = 0; hops < 16; ++hops) {
    const auto it = renames.find(table);
    if (it == renames.end()) break;
    table = it->second;
  }
  std::string cols;
  const std::string list = ref.substr(open + 2, ref.size() - open - 3);
  for (size_t start = 0; start <= list.size();) {
    const size_t comma = std::min(list.find(", ", start), list.size());
    std::string col = list.substr(start, comma - start);
    for (int hops = 0; hops < 16; ++hops) {
      const auto it = renames.find(table + "." + col);
      if (it == renames.end()) break;
      col = it->second.substr(it->second.rfind('.') + 1);
    }
    cols += (cols.empty() ? "" : ", ") + col;
    start = comma + 2;
  }
  const std::string renamed = table + " (" + cols + ")";
  if (renamed == ref) return fk;
  const size_t at = fk.key.rfind(" references ");
  if (at != std::string::npos) fk.key = fk.key.substr(0, at) + " references " + renamed;
  fk.set("references", renamed, fk.loc_of("references"));
  return fk;
}

void check_constraints(const Entity& old_table, const Entity& new_table,
                       const detail::RuleSelection& on,
                       const std::map<std::string, std::string>& renames, detail::Emitter& out) {
  std::vector<Entity> old_children;
  const std::vector<Entity>* olds = &old_table.children;
  if (!renames.empty()) {
    for (const Entity& c : old_table.children) {
      old_children.push_back(c.kind == "constraint" && c.str("type") == "foreign key"
                                 ? renamed_reference(c, renames)
                                 : c);
    }
    olds = &old_children;
  }
  for (const EntityPair& p : align(*olds, new_table.children, "constraint")) {
    const Entity* either = p.new_entity ? p.new_entity : p.old_entity;
    const std::string type(either->str("type"));
    const std::string columns(either->str("columns"));
    const std::string what = columns.empty() ? type : type + " (" + columns + ")";
    const std::string entity = new_table.name + "." + std::string(either->str("conname"));
    if (p.old_entity != nullptr && p.new_entity != nullptr) {
      if (type == "primary key" && p.old_entity->str("columns") != p.new_entity->str("columns") &&
          on.on(rules::sql::PK_NO_CHANGE)) {
        out.emit(rules::sql::PK_NO_CHANGE, entity,
                 "The primary key of table " + q(new_table.name) + " changed from (" +
                     std::string(p.old_entity->str("columns")) + ") to (" +
                     std::string(p.new_entity->str("columns")) + ").",
                 p.new_entity->loc, p.old_entity->loc);
      }
      continue;
    }
    if (p.new_entity == nullptr) {
      const bool kept = is_unique(*p.old_entity) &&
                        std::any_of(new_table.children.begin(), new_table.children.end(),
                                    [&](const Entity& c) {
                                      return c.kind == "constraint" && is_unique(c) &&
                                             same_uniqueness(c, *p.old_entity);
                                    });
      if (is_unique(*p.old_entity) && !kept && on.on(rules::sql::UNIQUE_NO_DELETE)) {
        // The same columns under a predicate with more terms: the guarantee shrank, not gone.
        const Entity* narrowed = nullptr;
        for (const Entity& c : new_table.children) {
          if (c.kind == "constraint" && is_unique(c) && narrowed == nullptr &&
              split_set(c.str("columns"), ", ") == split_set(p.old_entity->str("columns"), ", ") &&
              implies_uniqueness(c, *p.old_entity)) {
            narrowed = &c;
          }
        }
        if (narrowed != nullptr) {
          out.emit(rules::sql::UNIQUE_NO_DELETE, entity,
                   "The " + what + " constraint of table " + q(new_table.name) +
                       " now holds on fewer rows: its predicate gained conditions, so rows "
                       "outside them may repeat a key, and an ON CONFLICT target written for "
                       "the old predicate no longer matches it.",
                   narrowed->loc, p.old_entity->loc);
        } else {
          out.emit(rules::sql::UNIQUE_NO_DELETE, entity,
                   "The " + what + " constraint of table " + q(new_table.name) + " was dropped.",
                   out.removed_in_new(entity, new_table.loc), p.old_entity->loc);
        }
      }
      continue;
    }
    const Entity& n = *p.new_entity;
    const bool on_old_data = had_columns(old_table, n.str("columns")) || n.str("columns").empty();
    if (!on_old_data || !old_data_can_violate(old_table, new_table, n)) continue;
    const RuleId rule = type == "check"         ? rules::sql::CHECK_NO_ADD
                       : type == "foreign key" ? rules::sql::FK_NO_ADD
                                               : rules::sql::UNIQUE_NO_ADD;
    if (!on.on(rule)) continue;
    std::string message = "Table " + q(new_table.name) + " gained a " + what + " constraint";
    if (type == "foreign key") message += " referencing " + std::string(n.str("references"));
    out.emit(rule, entity, message + "; existing rows and old writers may violate it.", n.loc, {});
  }
}

// The rule that reports a fact the loader recorded about a migration statement (LOCKING
// facts, and a column dropped and added again).
std::optional<RuleId> locking_rule(std::string_view fact) {
  if (fact == "blocking_index_build" || fact == "blocking_index_drop")
    return rules::sql::INDEX_CONCURRENTLY;
  if (fact == "validating_add_constraint" || fact == "validate_in_adding_transaction")
    return rules::sql::CONSTRAINT_NOT_VALID;
  if (fact == "lock_wait_without_timeout") return rules::sql::LOCK_TIMEOUT;
  if (fact == "rewrite_on_add_column") return rules::sql::COLUMN_VOLATILE_DEFAULT;
  if (fact == "rewrite_on_type_change") return rules::sql::COLUMN_TYPE_REWRITE;
  if (fact == "scan_for_not_null") return rules::sql::SET_NOT_NULL_SCAN;
  if (fact == "column_recreated") return rules::sql::COLUMN_NO_DELETE;
  // MySQL/MariaDB: what InnoDB said the statement costs (mysql_online_ddl.hpp).
  if (fact == "copying_alter") return rules::sql::ALTER_TABLE_COPY;
  if (fact == "write_blocking_alter") return rules::sql::ALTER_TABLE_BLOCKS_WRITES;
  if (fact == "rebuilding_alter") return rules::sql::ALTER_TABLE_REBUILD;
  if (fact == "column_added_mid_table") return rules::sql::COLUMN_ADD_MID_TABLE;
  return std::nullopt;
}

// The tables and table.columns a schema has, by the names findings give them: looked up once
// per migration fact (a history of thousands of facts must not scan every table for each).
class ElementIndex {
 public:
  explicit ElementIndex(const Schema& schema) {
    for (const Entity& t : schema.roots) {
      if (t.kind != "table") continue;
      names_.insert(t.name);
      for (const Entity& c : t.children) {
        if (c.kind == "column") names_.insert(t.name + "." + c.key);
      }
    }
  }
  bool has(std::string_view name) const { return names_.contains(name); }

 private:
  std::set<std::string, std::less<>> names_;
};

// LOCKING: statements of the migrations that are new in NEW (files OLD does not have), when
// both sides are migration folders.
using Renames = std::map<std::string, std::string>;  // old name -> new, tables and table.column

Renames check_locking(const Schema& old_schema, const Schema& new_schema,
                      const detail::RuleSelection& on, detail::Emitter& out) {
  std::set<std::string> old_files;
  Renames renamed_from;
  for (const Entity& e : old_schema.roots) {
    if (e.kind == "migration_file") old_files.insert(e.key);
  }
  if (old_files.empty()) return renamed_from;
  const ElementIndex in_old(old_schema), in_new(new_schema);
  for (const Entity& e : new_schema.roots) {
    if (old_files.contains(std::string(e.str("file")))) continue;
    if (e.kind == "rename") {
      const bool table = e.str("what") == "table";
      const RuleId rule = table ? rules::sql::TABLE_NO_RENAME : rules::sql::COLUMN_NO_RENAME;
      renamed_from[e.name] = std::string(e.str("to"));
      // A table the new migrations create and rename (the rebuild pattern: CREATE t_new, copy,
      // DROP t, RENAME t_new TO t) was never seen by a running release; one renamed away and
      // created again under its name (RENAME t TO t_backup, CREATE t, copy) is still there for
      // it, and the state comparison judges the new one.
      if (!on.on(rule) || !in_old.has(e.name) || in_new.has(e.name)) {
        continue;
      }
      out.emit(rule, e.name,
               std::string(table ? "Table " : "Column ") + q(e.name) + " is renamed to " +
                   q(e.str("to")) + " by a new migration.",
               e.loc, {});
      continue;
    }
    if (e.kind != "lock_issue") continue;
    // A table OLD does not have was created by another migration of this same change (a
    // release-to-release check spans several): no running release holds rows or locks in it.
    const std::string_view fact = e.str("fact");
    std::string_view table = e.name;
    if (fact == "column_recreated") table = table.substr(0, table.rfind('.'));
    if (fact != "blocking_index_drop" && !in_old.has(table)) continue;
    const std::optional<RuleId> rule = locking_rule(e.str("fact"));
    if (!rule || !on.on(*rule)) continue;
    out.emit(*rule, e.key, std::string(e.str("what")) + ".", e.loc, {});
  }
  return renamed_from;
}

std::vector<std::string_view> params_of(const Entity& f) {
  std::vector<std::string_view> out;
  for (const Entity& p : f.children) {
    if (p.kind == "param") out.push_back(p.name);
  }
  return out;
}

// Whether PostgreSQL converts an argument of type `from` to a parameter of type `to` by
// itself (an implicit cast in pg_cast): a call written for f(int4) resolves to f(int8).
bool implicitly_castable(std::string_view from, std::string_view to) {
  if (from == to) return true;
  static const std::map<std::string_view, std::set<std::string_view>> casts = {
      {"int2", {"int4", "int8", "numeric", "float4", "float8"}},
      {"int4", {"int8", "numeric", "float4", "float8"}},
      {"int8", {"numeric", "float4", "float8"}},
      {"numeric", {"float4", "float8"}},
      {"float4", {"float8"}},
      {"varchar", {"text"}},
      {"bpchar", {"text", "varchar"}},
      {"date", {"timestamp", "timestamptz"}},
      {"timestamp", {"timestamptz"}},
  };
  // A length or precision (varchar(20)) does not change which casts apply.
  const auto base = [](std::string_view t) { return t.substr(0, t.find('(')); };
  const auto it = casts.find(base(from));
  return it != casts.end() && it->second.contains(base(to));
}

// Whether a call written for OLD still resolves to NEW: NEW starts with OLD's arguments (the
// same types, or types OLD's arguments cast to implicitly), and every argument a call to OLD
// could leave out or never passed has a default in NEW.
// MySQL: no overloads and no parameter defaults; a call passes every parameter, and MySQL
// converts the value: an IN parameter must take every value old callers pass, an OUT one must
// give back values their variables take (an INOUT both).
bool mysql_accepts_calls_to(const Entity& new_fn, const Entity& old_fn) {
  std::vector<const Entity*> olds, news;
  for (const Entity& p : old_fn.children) olds.push_back(&p);
  for (const Entity& p : new_fn.children) news.push_back(&p);
  if (olds.size() != news.size()) return false;
  for (size_t i = 0; i < olds.size(); ++i) {
    const Entity& o = *olds[i];
    const Entity& n = *news[i];
    if (o.str("mode") != n.str("mode")) return false;
    if (o.str("type") == n.str("type")) continue;
    const bool in = o.str("mode") != "OUT", out = o.str("mode") != "IN";
    if ((in && mysql_narrowing(o, n)) || (out && mysql_narrowing(n, o))) return false;
  }
  return true;
}

bool accepts_calls_to(const Entity& new_fn, const Entity& old_fn) {
  if (old_fn.str("dialect") == "mysql") return mysql_accepts_calls_to(new_fn, old_fn);
  const auto old_params = params_of(old_fn), new_params = params_of(new_fn);
  if (new_params.size() < old_params.size() ||
      !std::equal(old_params.begin(), old_params.end(), new_params.begin(),
                  implicitly_castable)) {
    return false;
  }
  const int64_t needed =
      static_cast<int64_t>(new_params.size() - old_params.size()) + old_fn.num("defaults");
  return new_fn.num("defaults") >= needed;
}

void check_functions(const Schema& old_schema, const Schema& new_schema,
                     const detail::RuleSelection& on, detail::Emitter& out) {
  std::map<std::string_view, std::vector<const Entity*>> new_by_name;
  std::map<std::string_view, const Entity*> new_by_key;
  for (const Entity& e : new_schema.roots) {
    if (e.kind != "function") continue;
    new_by_name[e.str("function")].push_back(&e);
    new_by_key[e.key] = &e;
  }
  for (const Entity& o : old_schema.roots) {
    if (o.kind != "function") continue;
    // Trigger functions are called by the server for their trigger, never by a client: one
    // dropped or changed with its trigger breaks no caller.
    if (o.str("returns") == "trigger" || o.str("returns") == "event_trigger") continue;
    const std::string label = q(o.name);
    const Entity* same = new_by_key.contains(o.key) ? new_by_key[o.key] : nullptr;
    const Entity* accepting = same;
    const auto& overloads = new_by_name[o.str("function")];
    for (const Entity* n : overloads) {
      if (accepting == nullptr && accepts_calls_to(*n, o)) accepting = n;
    }
    if (overloads.empty()) {
      if (on.on(rules::sql::FUNCTION_NO_DELETE)) {
        const char* what = o.str("returns") == "procedure" ? "Procedure " : "Function ";
        out.emit(rules::sql::FUNCTION_NO_DELETE, o.name, what + label + " was dropped.",
                 out.removed_in_new(o.name, {}), o.loc);
      }
      continue;
    }
    if (!on.on(rules::sql::FUNCTION_SIGNATURE_NO_CHANGE)) continue;
    if (accepting == nullptr) {
      std::string remaining;
      for (const Entity* n : overloads) remaining += (remaining.empty() ? "" : ", ") + n->name;
      // MySQL resolves a call by name alone: it fails on the parameter count, or converts the
      // arguments (truncating, or refusing in strict mode).
      const std::string why =
          o.str("dialect") == "mysql"
              ? "Calls to " + label + " written for its parameters may fail or lose values: it is now " +
                    remaining + "."
              : "Calls to " + label + " no longer resolve: the signatures left are " + remaining +
                    ".";
      out.emit(rules::sql::FUNCTION_SIGNATURE_NO_CHANGE, o.name, why, overloads.front()->loc,
               o.loc);
      continue;
    }
    if (accepting->str("returns") != o.str("returns")) {
      out.emit(rules::sql::FUNCTION_SIGNATURE_NO_CHANGE, o.name,
               "Function " + label + " now returns " + std::string(accepting->str("returns")) +
                   " instead of " + std::string(o.str("returns")) + ".",
               accepting->loc_of("returns"), o.loc_of("returns"));
    } else if (same != nullptr && same->num("defaults") < o.num("defaults")) {
      out.emit(rules::sql::FUNCTION_SIGNATURE_NO_CHANGE, o.name,
               "Function " + label + " lost argument defaults (" +
                   std::to_string(o.num("defaults")) + " before, " +
                   std::to_string(same->num("defaults")) + " now); calls that omit them fail.",
               same->loc, o.loc);
    }
  }
}

void check_types(const Schema& old_schema, const Schema& new_schema,
                 const detail::RuleSelection& on, detail::Emitter& out) {
  static constexpr std::string_view kinds[] = {"enum", "composite", "domain", "range"};
  const auto is_type = [](const Entity& e) {
    return std::find(std::begin(kinds), std::end(kinds), e.kind) != std::end(kinds);
  };
  std::map<std::string_view, const Entity*> new_types;
  for (const Entity& e : new_schema.roots) {
    if (is_type(e)) new_types[e.key] = &e;
  }
  for (const Entity& o : old_schema.roots) {
    if (!is_type(o)) continue;
    const auto it = new_types.find(o.key);
    if (it == new_types.end()) {
      if (on.on(rules::sql::TYPE_NO_DELETE)) {
        out.emit(rules::sql::TYPE_NO_DELETE, o.name,
                 "Type " + q(o.name) + " (" + std::string(o.kind) + ") was dropped.",
                 out.removed_in_new(o.name, {}), o.loc);
      }
      continue;
    }
    const Entity& n = *it->second;
    if (o.kind == "domain" && n.kind == "domain" && on.on(rules::sql::CHECK_NO_ADD)) {
      for (const EntityPair& c : align(o.children, n.children, "constraint")) {
        if (c.old_entity != nullptr || c.new_entity == nullptr) continue;
        out.emit(rules::sql::CHECK_NO_ADD, n.name + "." + std::string(c.new_entity->str("conname")),
                 "Domain " + q(n.name) +
                     " gained a check constraint; stored values and old writers may violate it.",
                 c.new_entity->loc, {});
      }
    }
  }
}

}  // namespace

namespace {

bool read_as_mysql(const Schema& s) {
  return std::any_of(s.roots.begin(), s.roots.end(),
                     [](const Entity& e) { return e.str("dialect") == "mysql"; });
}

bool has_tables(const Schema& s) {
  return std::any_of(s.roots.begin(), s.roots.end(),
                     [](const Entity& e) { return e.kind == "table" || e.kind == "view"; });
}

// Whether the schema defines anything the rules compare (not only a migration folder's own
// facts: its files, renames and LOCKING notes).
bool defines_objects(const Schema& s) {
  return std::any_of(s.roots.begin(), s.roots.end(), [](const Entity& e) {
    return e.kind != "migration_file" && e.kind != "rename" && e.kind != "lock_issue";
  });
}

}  // namespace

void run_checks(const Schema& old_schema, const Schema& new_schema, const detail::RuleSelection& on,
                detail::Emitter& out) {
  // Never a silent green: files that hold only data statements, CALLs or comments on both sides
  // were read, but nothing in them was compared.
  if (!defines_objects(old_schema) && !defines_objects(new_schema)) {
    throw InputError(Location{new_schema.root, 0, 0},
                     "neither OLD nor NEW defines a table, view, type, sequence or routine (only "
                     "data statements, CALLs or comments): nothing was compared");
  }
  // Each side's dialect is found on its own (by name or content); comparing a PostgreSQL schema
  // with a MySQL one would report every table dropped.
  if (has_tables(old_schema) && has_tables(new_schema) &&
      read_as_mysql(old_schema) != read_as_mysql(new_schema)) {
    const bool old_mysql = read_as_mysql(old_schema);
    throw InputError(Location{new_schema.root, 0, 0},
                     std::string("OLD reads as ") + (old_mysql ? "MySQL" : "PostgreSQL") +
                         " and NEW as " + (old_mysql ? "PostgreSQL" : "MySQL") +
                         "; both sides must be one dialect: set --dialect (or dialect: in "
                         "breakwater.yaml)");
  }
  // Explicit renames in new migrations are reported as renames; their drop side stays quiet.
  const Renames renamed = check_locking(old_schema, new_schema, on, out);
  const std::vector<EntityPair> tables = align(old_schema.roots, new_schema.roots, "table");
  for (const EntityPair& p : tables) {
    if (p.old_entity == nullptr) continue;
    if (p.new_entity == nullptr) {
      if (renamed.contains(p.old_entity->name)) continue;
      // Between two states a rename is a drop and an add: the same columns in the same schema
      // under another name is most likely one table renamed. A migration's own DROP TABLE says
      // what happened: no rename is guessed for it.
      const Entity* twin = nullptr;
      const bool dropped = out.removed_in_new(p.old_entity->name, {}).known();
      for (const EntityPair& added : tables) {
        if (dropped) break;
        if (added.old_entity == nullptr && twin == nullptr &&
            schema_of(added.new_entity->key) == schema_of(p.old_entity->key) &&
            same_columns(*p.old_entity, *added.new_entity)) {
          twin = added.new_entity;
        }
      }
      if (twin != nullptr) {
        if (on.on(rules::sql::TABLE_NO_RENAME)) {
          out.emit(rules::sql::TABLE_NO_RENAME, p.old_entity->name,
                   "Table " + q(p.old_entity->name) + " was probably renamed to " + q(twin->name) +
                       " (dropped, and added with the same columns).",
                   twin->loc, p.old_entity->loc);
        }
        continue;
      }
      if (on.on(rules::sql::TABLE_NO_DELETE)) {
        out.emit(rules::sql::TABLE_NO_DELETE, p.old_entity->name,
                 "Table " + q(p.old_entity->name) + " was dropped.",
                 out.removed_in_new(p.old_entity->name, {}), p.old_entity->loc);
      }
      continue;
    }
    check_columns(*p.old_entity, *p.new_entity, on, renamed, out);
    check_collations(*p.old_entity, *p.new_entity, on, out);
    check_constraints(*p.old_entity, *p.new_entity, on, renamed, out);
  }
  for (const char* kind : {"schema", "sequence", "view"}) {
    const std::string k = kind;
    const RuleId rule = k == "schema"     ? rules::sql::SCHEMA_NO_DELETE
                       : k == "sequence" ? rules::sql::SEQUENCE_NO_DELETE
                                         : rules::sql::VIEW_NO_DELETE;
    for (const EntityPair& p : align(old_schema.roots, new_schema.roots, kind)) {
      if (p.old_entity == nullptr) continue;
      if (p.new_entity == nullptr) {
        if (!on.on(rule)) continue;
        // A sequence owned by a column (serial, OWNED BY) only goes with its table or column,
        // or when the column stops using it: TABLE_NO_DELETE, COLUMN_NO_DELETE or
        // IDENTITY_NO_DROP reports that already.
        if (p.old_entity->has("owned_by")) continue;
        std::string label = k == "view" && p.old_entity->flag("materialized") ? "Materialized view"
                            : k == "view"                                     ? "View"
                            : k == "schema"                                   ? "Schema"
                                                                              : "Sequence";
        out.emit(rule, p.old_entity->name, label + " " + q(p.old_entity->name) + " was dropped.",
                 out.removed_in_new(p.old_entity->name, {}), p.old_entity->loc);
        continue;
      }
      if (k != "view" || p.old_entity->flag("star") || p.new_entity->flag("star")) continue;
      for (const EntityPair& c : align(p.old_entity->children, p.new_entity->children)) {
        if (c.new_entity != nullptr || !on.on(rules::sql::VIEW_COLUMN_NO_DELETE)) continue;
        out.emit(
            rules::sql::VIEW_COLUMN_NO_DELETE, p.new_entity->name + "." + c.old_entity->key,
            "Column " + q(c.old_entity->key) + " of view " + q(p.new_entity->name) + " is gone.",
            p.new_entity->loc, c.old_entity->loc);
      }
    }
  }
  check_functions(old_schema, new_schema, on, out);
  check_types(old_schema, new_schema, on, out);
  // Triggers: one dropped from a table that is still there (a table dropped or renamed takes
  // its triggers along, and is reported as such).
  std::set<std::string_view> new_tables;
  for (const Entity& e : new_schema.roots) {
    if (e.kind == "table") new_tables.insert(e.name);
  }
  for (const EntityPair& p : align(old_schema.roots, new_schema.roots, "trigger")) {
    if (p.new_entity != nullptr || !on.on(rules::sql::TRIGGER_NO_DELETE)) continue;
    const Entity& t = *p.old_entity;
    if (!new_tables.contains(t.str("table"))) continue;
    out.emit(rules::sql::TRIGGER_NO_DELETE, t.name,
             "Trigger " + q(t.name.substr(t.name.rfind('.') + 1)) + " (" +
                 std::string(t.str("timing")) + " " + std::string(t.str("events")) + " on " +
                 q(t.str("table")) + ") was dropped: writes to the table no longer do what it "
                 "did.",
             out.removed_in_new(t.name, {}), t.loc);
  }
  for (const EntityPair& p : align(old_schema.roots, new_schema.roots, "enum")) {
    if (p.old_entity == nullptr || p.new_entity == nullptr) continue;
    for (const EntityPair& v : align(p.old_entity->children, p.new_entity->children)) {
      if (v.new_entity != nullptr || !on.on(rules::sql::ENUM_LABEL_NO_DELETE)) continue;
      out.emit(
          rules::sql::ENUM_LABEL_NO_DELETE, p.new_entity->name + "." + v.old_entity->key,
          "Value " + q(v.old_entity->key) + " was removed from enum " + q(p.new_entity->name) + ".",
          out.removed_in_new(p.new_entity->name + "." + v.old_entity->key, p.new_entity->loc),
          v.old_entity->loc);
    }
  }
}

}  // namespace breakwater::sql
