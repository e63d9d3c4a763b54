#include <breakwater/diff.hpp>

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace breakwater {

std::vector<EntityPair> align(const std::vector<Entity>& old_list,
                              const std::vector<Entity>& new_list, std::string_view kind) {
  // Keys are identities, but a side may hold two elements with one key (a table with two
  // identical foreign keys under different names): the n-th of a key pairs with the n-th on the
  // other side, and a surplus one pairs with the first of its key there, so a duplicate is
  // neither added nor removed.
  std::unordered_map<std::string_view, const Entity*> new_by_key;
  std::unordered_map<std::string_view, std::vector<const Entity*>> new_repeats;  // 2nd, 3rd...
  new_by_key.reserve(new_list.size());
  for (const Entity& e : new_list) {
    if (!kind.empty() && e.kind != kind) continue;
    if (!new_by_key.emplace(e.key, &e).second) new_repeats[e.key].push_back(&e);
  }
  std::vector<EntityPair> pairs;
  pairs.reserve(old_list.size() + new_list.size());
  std::unordered_set<const Entity*> matched;
  std::unordered_map<std::string_view, const Entity*> old_by_key;
  std::unordered_map<std::string_view, size_t> old_seen;  // only for keys NEW repeats
  old_by_key.reserve(old_list.size());
  for (const Entity& e : old_list) {
    if (!kind.empty() && e.kind != kind) continue;
    old_by_key.emplace(e.key, &e);
    auto it = new_by_key.find(e.key);
    const Entity* partner = it == new_by_key.end() ? nullptr : it->second;
    if (const auto r = new_repeats.find(e.key); partner != nullptr && r != new_repeats.end()) {
      const size_t n = old_seen[e.key]++;
      if (n > 0) partner = r->second[std::min(n - 1, r->second.size() - 1)];
    }
    if (partner != nullptr) matched.insert(partner);
    pairs.push_back({&e, partner});
  }
  for (const Entity& e : new_list) {
    if (!kind.empty() && e.kind != kind) continue;
    if (matched.contains(&e)) continue;
    const auto twin = old_by_key.find(e.key);
    pairs.push_back({twin == old_by_key.end() ? nullptr : twin->second, &e});
  }
  return pairs;
}

}  // namespace breakwater
