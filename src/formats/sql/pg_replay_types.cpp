// Replaying user-defined types: enums (labels in order, ADD VALUE BEFORE/AFTER, RENAME VALUE),
// composite types and their attributes (ALTER TYPE arrives as an ALTER TABLE of the type), and
// domains with their NOT NULL and CHECK constraints.
#include <algorithm>

// Last: the server headers.
#include "formats/sql/pg_replayer.hpp"

namespace breakwater::sql {

void Replay::create_enum(const CreateEnumStmt* s) {
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

void Replay::alter_enum(const AlterEnumStmt* s) {
  auto it = s_.types.find(qualified(names_of(s->typeName)));
  if (it == s_.types.end() || it->second.kind != "enum") return;
  auto& values = it->second.children;
  if (s->oldVal != nullptr) {
    for (Entity& v : values) {
      if (v.key != s->oldVal) continue;
      removed(it->second.name + "." + v.key);  // the old label is gone, here
      v.key = v.name = text_or(s->newVal);
      v.loc = statement_at_;
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

Entity Replay::attribute(const ColumnDef* def) {
  Entity a;
  a.kind = "attribute";
  a.key = a.name = text_or(def->colname);
  a.loc = at(def->location);
  a.set("type", type_of(def->typeName).text(),
        def->typeName != nullptr ? at(def->typeName->location) : a.loc);
  return a;
}

void Replay::create_composite(const CompositeTypeStmt* s) {
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
void Replay::alter_composite(const AlterTableStmt* s) {
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

void Replay::domain_constraint(Entity& domain, const Constraint* c) {
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

void Replay::create_domain(const CreateDomainStmt* s) {
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

void Replay::alter_domain(const AlterDomainStmt* s) {
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

}  // namespace breakwater::sql
