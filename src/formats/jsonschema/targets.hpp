// Where each `$ref` of a loaded schema leads: its target, found by walking the entity tree along
// the JSON pointer instead of indexing every schema by name.
#pragma once

#include <breakwater/model.hpp>

#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace breakwater::jsonschema {

// Looks up "file#/pointer" reference targets in one loaded schema (which must outlive it).
class RefTargets {
 public:
  explicit RefTargets(const Schema& schema);
  // The schema entity the reference names, or null when no schema sits there (dangling). The
  // name must stay alive as long as this object (it is a "ref" attribute of the schema).
  const Entity* find(std::string_view target);

 private:
  const Entity* walk(std::string_view target);
  const Entity* child(const Entity& parent, std::string_view key);

  std::map<std::string_view, const Entity*> files_;
  std::unordered_map<std::string_view, const Entity*> found_;  // references share targets
  // Children by key for big lists ($defs with thousands of entries), built on first use.
  std::unordered_map<const Entity*,
                     std::unique_ptr<std::unordered_map<std::string_view, const Entity*>>>
      indexes_;
};

// The schemas holding a "ref" attribute, in document order. Subtrees the loader marked free of
// references are not entered.
std::vector<const Entity*> schemas_with_refs(const Schema& schema);

}  // namespace breakwater::jsonschema
