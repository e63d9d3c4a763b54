#include <breakwater/diff.hpp>

#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace breakwater {

std::vector<EntityPair> align(const std::vector<Entity>& old_list,
                              const std::vector<Entity>& new_list, std::string_view kind) {
  std::unordered_map<std::string_view, const Entity*> new_by_key;
  new_by_key.reserve(new_list.size());
  for (const Entity& e : new_list) {
    if (kind.empty() || e.kind == kind) new_by_key.emplace(e.key, &e);
  }
  std::vector<EntityPair> pairs;
  pairs.reserve(old_list.size() + new_list.size());
  std::unordered_set<const Entity*> matched;
  for (const Entity& e : old_list) {
    if (!kind.empty() && e.kind != kind) continue;
    auto it = new_by_key.find(e.key);
    const Entity* partner = it == new_by_key.end() ? nullptr : it->second;
    if (partner != nullptr) matched.insert(partner);
    pairs.push_back({&e, partner});
  }
  for (const Entity& e : new_list) {
    if (!kind.empty() && e.kind != kind) continue;
    if (!matched.contains(&e)) pairs.push_back({nullptr, &e});
  }
  return pairs;
}

}  // namespace breakwater
