#include "formats/jsonschema/targets.hpp"

#include "formats/jsonschema/fingerprint.hpp"

#include <string>

namespace breakwater::jsonschema {
namespace {

std::string unescape(std::string_view segment) {
  std::string out;
  for (size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == '~' && i + 1 < segment.size()) {
      out += segment[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      out += segment[i];
    }
  }
  return out;
}

bool is_index(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

RefTargets::RefTargets(const Schema& schema) {
  for (const Entity& r : schema.roots) files_[r.name] = &r;  // "relative#"
}

const Entity* RefTargets::find(std::string_view target) {
  const auto [known, fresh] = found_.try_emplace(target, nullptr);
  if (fresh) known->second = walk(target);
  return known->second;
}

const Entity* RefTargets::walk(std::string_view target) {
  const size_t hash = target.find('#');
  if (hash == std::string_view::npos) return nullptr;
  const auto root = files_.find(target.substr(0, hash + 1));
  if (root == files_.end()) return nullptr;
  const Entity* e = root->second;
  std::vector<std::string_view> segments;
  std::string_view pointer = target.substr(hash + 1);
  // A place no keyword makes a schema, built by its pointer (load.cpp add_pointed_schemas).
  if (!pointer.empty()) {
    if (const Entity* direct = child(*e, "$ptr" + std::string(pointer));
        direct != nullptr && direct->name == target)
      return direct;
  }
  while (!pointer.empty()) {
    if (pointer.front() != '/') return nullptr;
    pointer.remove_prefix(1);
    const size_t slash = pointer.find('/');
    segments.push_back(pointer.substr(0, slash));
    pointer = slash == std::string_view::npos ? std::string_view() : pointer.substr(slash);
  }
  std::string key;
  for (size_t i = 0; i < segments.size() && e != nullptr; ++i) {
    const std::string_view s = segments[i];
    const bool has_next = i + 1 < segments.size();
    if ((s == "properties" || s == "patternProperties" || s == "dependentSchemas" || s == "$defs" ||
         s == "definitions" || s == "dependencies") &&
        has_next) {
      const std::string_view slot = s == "definitions"    ? "$defs"
                                    : s == "dependencies" ? "dependentSchemas"
                                                          : s;
      key.assign(slot).append(1, '/').append(unescape(segments[++i]));
    } else if ((s == "allOf" || s == "anyOf" || s == "oneOf" || s == "prefixItems") && has_next) {
      key.assign(s).append(1, '/').append(segments[++i]);
    } else if (s == "items" && has_next && is_index(segments[i + 1])) {
      key.assign("prefixItems/").append(segments[++i]);  // draft-04..2019 array-form items
    } else if (s == "additionalItems") {
      key.assign("items");
    } else {
      key = unescape(s);
    }
    e = child(*e, key);
  }
  return e != nullptr && e->name == target ? e : nullptr;
}

const Entity* RefTargets::child(const Entity& parent, std::string_view key) {
  if (parent.children.size() > 16) {
    auto& index = indexes_[&parent];
    if (!index) {
      index = std::make_unique<std::unordered_map<std::string_view, const Entity*>>();
      for (const Entity& c : parent.children) {
        if (c.kind == "schema") index->emplace(c.key, &c);
      }
    }
    const auto it = index->find(key);
    return it == index->end() ? nullptr : it->second;
  }
  for (const Entity& c : parent.children) {
    if (c.kind == "schema" && c.key == key) return &c;
  }
  return nullptr;
}

std::vector<const Entity*> schemas_with_refs(const Schema& schema) {
  std::vector<const Entity*> out;
  std::vector<const Entity*> stack;
  for (auto it = schema.roots.rbegin(); it != schema.roots.rend(); ++it) stack.push_back(&*it);
  while (!stack.empty()) {
    const Entity* e = stack.back();
    stack.pop_back();
    if (!holds_refs(*e)) continue;
    if (e->has("ref")) out.push_back(e);
    for (auto c = e->children.rbegin(); c != e->children.rend(); ++c) {
      if (c->kind == "schema") stack.push_back(&*c);
    }
  }
  return out;
}

}  // namespace breakwater::jsonschema
