// Lookup tables over one side's model, built once per run, so checks match elements the way buf
// does: files by path, types by nested name within a file or by full name, fields by number.
#pragma once

#include <breakwater/model.hpp>

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace breakwater::protobuf {

struct Placed {
  const Entity* entity = nullptr;
  const Entity* file = nullptr;
  const Entity* parent = nullptr;  // enclosing message, or the file
};

class Index {
 public:
  explicit Index(const Schema& schema);

  const std::vector<const Entity*>& files() const { return files_; }
  const Entity* file(std::string_view path) const;
  // A message, enum, service or extension by its nested name inside one file.
  const Entity* in_file(const Entity& file, std::string_view nested_name) const;
  // A message, enum, service or extension by full name anywhere.
  const Placed* by_full_name(std::string_view full_name) const;
  // Declarations in a stable order (files by path, then depth-first).
  const std::vector<Placed>& all(std::string_view kind) const;
  // Files per package, packages sorted.
  const std::map<std::string, std::vector<const Entity*>>& packages() const { return packages_; }

 private:
  void walk(const Entity& file, const Entity& parent, const Entity& e);

  std::vector<const Entity*> files_;
  std::unordered_map<std::string_view, const Entity*> files_by_path_;
  std::unordered_map<const Entity*, std::unordered_map<std::string_view, const Entity*>> nested_;
  std::unordered_map<std::string_view, Placed> full_;
  std::map<std::string, std::vector<Placed>, std::less<>> by_kind_;
  std::map<std::string, std::vector<const Entity*>> packages_;
};

}  // namespace breakwater::protobuf
