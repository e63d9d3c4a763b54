// A schema entity's subschema slots (children of kind "schema" keyed "properties/x", "allOf/0",
// "not"...) and what a schema accepts at a glance: everything (true, {}, annotations only),
// nothing (false), or exactly what its $ref's target accepts. Shared by the comparison's
// sources.
#pragma once

#include <breakwater/model.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace breakwater::jsonschema {

inline const Entity* slot(const Entity& e, std::string_view key) {
  for (const Entity& c : e.children) {
    if (c.kind == "schema" && c.key == key) return &c;
  }
  return nullptr;
}

inline std::vector<const Entity*> slots(const Entity& e, std::string_view prefix) {
  std::vector<const Entity*> out;
  for (const Entity& c : e.children) {
    if (c.kind == "schema" && c.key.size() > prefix.size() && c.key.starts_with(prefix) &&
        c.key[prefix.size()] == '/') {
      out.push_back(&c);
    }
  }
  return out;
}

inline std::string_view slot_name(const Entity& e) {
  return std::string_view(e.key).substr(e.key.find('/') + 1);
}

inline std::set<std::string> keys_of(const Entity& e, std::string_view kind) {
  std::set<std::string> out;
  for (const Entity& c : e.children) {
    if (c.kind == kind) out.insert(c.key);
  }
  return out;
}

inline bool is_false(const Entity* e) {
  return e != nullptr && e->has("always") && !e->flag("always");
}

// Annotations and bookkeeping: attributes that constrain nothing.
inline bool annotation(std::string_view attr) {
  return attr == "default" || attr == "hash" || attr == "enum" || attr == "allOf" ||
         attr == "anyOf" || attr == "oneOf";
}

// `true`, `{}` or a schema with annotations only: accepts every document.
inline bool accepts_all(const Entity* e) {
  if (e == nullptr) return true;
  if (e->has("always")) return e->flag("always");
  for (const Attr& a : e->attrs) {
    if (!annotation(a.name)) return false;
  }
  for (const Entity& c : e->children) {
    if (c.kind != "schema" || !c.key.starts_with("$defs/")) return false;
  }
  return true;
}

// Only a $ref (plus definitions and annotations): the schema is its target.
inline bool pure_ref(const Entity& e) {
  if (!e.has("ref")) return false;
  for (const Attr& a : e.attrs) {
    if (a.name != "ref" && !annotation(a.name)) return false;
  }
  for (const Entity& c : e.children) {
    if (c.kind != "schema" || !c.key.starts_with("$defs/")) return false;
  }
  return true;
}

}  // namespace breakwater::jsonschema
