// Alignment of OLD and NEW entity lists by key: the one matching primitive checks build on.
#pragma once

#include <breakwater/model.hpp>

#include <vector>

namespace breakwater {

struct EntityPair {
  const Entity* old_entity = nullptr;  // null: only in NEW
  const Entity* new_entity = nullptr;  // null: only in OLD
};

// Pairs entities of the given kind (all kinds when empty) by key; OLD order first, then the
// NEW-only entities in NEW order. A key that repeats under one parent (two identical foreign
// keys) pairs the n-th with the n-th, and a surplus one with the first of its key on the other
// side: a duplicate is neither added nor removed.
std::vector<EntityPair> align(const std::vector<Entity>& old_list,
                              const std::vector<Entity>& new_list, std::string_view kind = {});

}  // namespace breakwater
