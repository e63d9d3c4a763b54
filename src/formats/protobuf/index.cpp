#include "formats/protobuf/index.hpp"

#include "formats/protobuf/names.hpp"

namespace breakwater::protobuf {

Index::Index(const Schema& schema) {
  for (const Entity& f : schema.roots) {
    files_.push_back(&f);
    files_by_path_.emplace(f.key, &f);
    packages_[std::string(f.str(names::kPackage))].push_back(&f);
    for (const Entity& child : f.children) walk(f, f, child);
  }
}

void Index::walk(const Entity& file, const Entity& parent, const Entity& e) {
  const bool declaration = e.kind == names::kMessage || e.kind == names::kEnum ||
                           e.kind == names::kService || e.kind == names::kExtension;
  if (!declaration) return;
  nested_[&file].emplace(e.key, &e);
  Placed placed{&e, &file, &parent};
  full_.emplace(e.name, placed);
  by_kind_[std::string(e.kind)].push_back(placed);
  if (e.kind != names::kMessage) return;
  for (const Entity& child : e.children) walk(file, e, child);
}

const Entity* Index::file(std::string_view path) const {
  auto it = files_by_path_.find(path);
  return it == files_by_path_.end() ? nullptr : it->second;
}

const Entity* Index::in_file(const Entity& file, std::string_view nested_name) const {
  auto f = nested_.find(&file);
  if (f == nested_.end()) return nullptr;
  auto it = f->second.find(nested_name);
  return it == f->second.end() ? nullptr : it->second;
}

const Placed* Index::by_full_name(std::string_view full_name) const {
  auto it = full_.find(full_name);
  return it == full_.end() ? nullptr : &it->second;
}

const std::vector<Placed>& Index::all(std::string_view kind) const {
  static const std::vector<Placed> none;
  auto it = by_kind_.find(kind);
  return it == by_kind_.end() ? none : it->second;
}

}  // namespace breakwater::protobuf
