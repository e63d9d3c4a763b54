#include <breakwater/model.hpp>

#include <mutex>
#include <unordered_set>

namespace breakwater {

const Attr* Entity::find(std::string_view attr) const {
  // Hot: checks read attributes millions of times. Names are usually the very same literal, so
  // identity and length settle most comparisons without a memcmp.
  for (const Attr& a : attrs) {
    if (a.name.size() != attr.size()) continue;
    if (attr.empty() || a.name.data() == attr.data()) return &a;
    if (a.name[0] == attr[0] && a.name == attr) return &a;
  }
  return nullptr;
}

std::string_view Entity::str(std::string_view attr, std::string_view fallback) const {
  const Attr* a = find(attr);
  if (a == nullptr) return fallback;
  if (const auto* s = std::get_if<std::string>(&a->value)) return *s;
  return fallback;
}

int64_t Entity::num(std::string_view attr, int64_t fallback) const {
  const Attr* a = find(attr);
  if (a == nullptr) return fallback;
  if (const auto* i = std::get_if<int64_t>(&a->value)) return *i;
  return fallback;
}

bool Entity::flag(std::string_view attr, bool fallback) const {
  const Attr* a = find(attr);
  if (a == nullptr) return fallback;
  if (const auto* b = std::get_if<bool>(&a->value)) return *b;
  return fallback;
}

SourceRef Entity::loc_of(std::string_view attr) const {
  const Attr* a = find(attr);
  return a != nullptr && a->loc.known() && a->loc.line != 0 ? a->loc : loc;
}

void Entity::set(std::string_view attr_name, Value value, SourceRef where) {
  for (Attr& a : attrs) {
    if (a.name == attr_name) {
      a.value = std::move(value);
      a.loc = where;
      return;
    }
  }
  attrs.push_back(Attr{attr_name, std::move(value), where});
}

std::string_view intern(std::string_view name) {
  static std::mutex mutex;
  static std::unordered_set<std::string> names;
  std::lock_guard lock(mutex);
  return *names.emplace(name).first;
}

std::string Location::text() const {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  return out;
}

uint32_t Schema::add_file(std::string path) {
  if (files.empty()) files.emplace_back();
  files.push_back(std::move(path));
  return static_cast<uint32_t>(files.size() - 1);
}

Location Schema::resolve(SourceRef ref) const {
  if (ref.file == 0 || ref.file >= files.size()) return {};
  return Location{files[ref.file], ref.line, ref.column};
}

}  // namespace breakwater
