// The SQL rules: one comparison per table, column and enum of OLD and NEW.
#include "formats/sql/checks.hpp"

#include <breakwater/diff.hpp>

#include "formats/sql/types.hpp"

namespace breakwater::sql {
namespace {

// Parses the canonical text back (varchar(100)[] -> name, modifiers, dimensions).
ColumnType parse_type(std::string_view text) {
  ColumnType t;
  while (text.ends_with("[]")) {
    ++t.array_dims;
    text.remove_suffix(2);
  }
  const size_t open = text.find('(');
  t.name = std::string(text.substr(0, open));
  if (open != std::string_view::npos) {
    std::string mods(text.substr(open + 1, text.size() - open - 2));
    size_t start = 0;
    while (start < mods.size()) {
      const size_t comma = mods.find(',', start);
      t.modifiers.push_back(std::stol(mods.substr(start, comma - start)));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return t;
}

std::string q(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

// Where a removed top-level object is reported in NEW: the start of the NEW file with the same
// place under the input as the OLD file that held it, else of the first NEW file (annotations
// can only point into NEW).
SourceRef counterpart(const Schema& old_schema, const Schema& new_schema, SourceRef old_at) {
  if (new_schema.files.size() < 2) return {};
  const std::string& old_file = old_schema.files[old_at.file];
  const std::string rel =
      old_file.starts_with(old_schema.root) ? old_file.substr(old_schema.root.size()) : old_file;
  for (uint32_t i = 1; i < new_schema.files.size(); ++i) {
    const std::string& f = new_schema.files[i];
    if (f.size() >= rel.size() && f.ends_with(rel)) return {i, 1, 1};
  }
  return {1, 1, 1};
}

void check_columns(const Entity& old_table, const Entity& new_table,
                   const detail::RuleSelection& on, detail::Emitter& out) {
  for (const EntityPair& p : align(old_table.children, new_table.children, "column")) {
    const std::string where =
        new_table.name + "." + (p.new_entity ? p.new_entity : p.old_entity)->key;
    if (p.new_entity == nullptr) {
      if (on.on("COLUMN_NO_DELETE")) {
        out.emit(
            "COLUMN_NO_DELETE", where,
            "Column " + q(p.old_entity->key) + " of table " + q(new_table.name) + " was dropped.",
            new_table.loc, p.old_entity->loc);
      }
      continue;
    }
    const Entity& n = *p.new_entity;
    if (p.old_entity == nullptr) {
      const bool filled = n.has("default") || n.flag("identity") || n.flag("generated");
      if (n.flag("not_null") && !filled && on.on("COLUMN_REQUIRED_NO_ADD")) {
        out.emit("COLUMN_REQUIRED_NO_ADD", where,
                 "Column " + q(n.key) + " added to table " + q(new_table.name) +
                     " is NOT NULL without a DEFAULT.",
                 n.loc, {});
      }
      continue;
    }
    const Entity& o = *p.old_entity;
    if (on.on("COLUMN_TYPE_NO_NARROW")) {
      const auto why = narrowing(parse_type(o.str("type")), parse_type(n.str("type")));
      if (why) {
        out.emit("COLUMN_TYPE_NO_NARROW", where,
                 "Column " + q(n.key) + " of table " + q(new_table.name) + " changed type from " +
                     std::string(o.str("type")) + " to " + std::string(n.str("type")) + ": " +
                     *why + ".",
                 n.loc_of("type"), o.loc_of("type"));
      }
    }
    if (!o.flag("not_null") && n.flag("not_null") && on.on("COLUMN_NO_SET_NOT_NULL")) {
      out.emit("COLUMN_NO_SET_NOT_NULL", where,
               "Column " + q(n.key) + " of table " + q(new_table.name) +
                   " changed from NULL to NOT NULL.",
               n.loc_of("not_null"), o.loc);
    }
    if (o.has("default") && !n.has("default") && n.flag("not_null") &&
        on.on("COLUMN_DEFAULT_NO_DROP")) {
      out.emit("COLUMN_DEFAULT_NO_DROP", where,
               "Column " + q(n.key) + " of table " + q(new_table.name) +
                   " is NOT NULL and lost its DEFAULT.",
               n.loc, o.loc_of("default"));
    }
  }
}

}  // namespace

void run_checks(const Schema& old_schema, const Schema& new_schema, const detail::RuleSelection& on,
                detail::Emitter& out) {
  for (const EntityPair& p : align(old_schema.roots, new_schema.roots, "table")) {
    if (p.old_entity == nullptr) continue;
    if (p.new_entity == nullptr) {
      if (on.on("TABLE_NO_DELETE")) {
        out.emit("TABLE_NO_DELETE", p.old_entity->name,
                 "Table " + q(p.old_entity->name) + " was dropped.",
                 counterpart(old_schema, new_schema, p.old_entity->loc), p.old_entity->loc);
      }
      continue;
    }
    check_columns(*p.old_entity, *p.new_entity, on, out);
  }
  for (const EntityPair& p : align(old_schema.roots, new_schema.roots, "enum")) {
    if (p.old_entity == nullptr || p.new_entity == nullptr) continue;
    for (const EntityPair& v : align(p.old_entity->children, p.new_entity->children)) {
      if (v.new_entity != nullptr || !on.on("ENUM_LABEL_NO_DELETE")) continue;
      out.emit(
          "ENUM_LABEL_NO_DELETE", p.new_entity->name + "." + v.old_entity->key,
          "Value " + q(v.old_entity->key) + " was removed from enum " + q(p.new_entity->name) + ".",
          p.new_entity->loc, v.old_entity->loc);
    }
  }
}

std::vector<std::string_view> implemented_rules() {
  return {"TABLE_NO_DELETE",        "COLUMN_NO_DELETE",       "COLUMN_TYPE_NO_NARROW",
          "COLUMN_NO_SET_NOT_NULL", "COLUMN_REQUIRED_NO_ADD", "COLUMN_DEFAULT_NO_DROP",
          "ENUM_LABEL_NO_DELETE"};
}

}  // namespace breakwater::sql
