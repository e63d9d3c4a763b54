// The JSON Schema comparison as one object: A (the narrow side) against B (the wide side), pair
// by pair, memoised. One class, defined over several sources so each holds one idea:
//   compare.cpp              the pair walk: references, memo, depth, direction, reporting
//   compare_combinators.cpp  allOf / anyOf / oneOf / not / if, and allOf members as one schema
//   compare_families.cpp     type and enum/const, then the keyword families the types allow
//   compare_scalars.cpp      numbers, strings, and the count bounds every family shares
//   compare_arrays.cpp       contains, tuples, items
//   compare_objects.cpp      required, properties, patterns, additional properties, dependencies
// Internal to formats/jsonschema/.
#pragma once

#include <breakwater/model.hpp>

#include "core/engine.hpp"
#include "formats/jsonschema/pattern_match.hpp"
#include "formats/jsonschema/schema_values.hpp"
#include "formats/jsonschema/targets.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace breakwater::jsonschema {

class Comparer {
 public:
  Comparer(const Schema& a_schema, const Schema& b_schema, bool forward,
           const detail::RuleSelection& on, detail::Emitter& out);

  void files(const Schema& a_schema, const Schema& b_schema);

 private:
  // ---- references (compare.cpp) ----
  const Entity* target(const Entity* e, bool b_side);
  // Pure references are followed to their target (a cycle of them is refused when loading).
  const Entity* deref(const Entity* e, bool b_side);

  // ---- reporting (compare.cpp) ----
  const Entity& new_side(const Entity& a, const Entity& b) const { return forward_ ? a : b; }
  void emit(RuleId rule, const Entity& a, const Entity& b, std::string_view keyword,
            std::string message);
  // With the places on each side given: `a_at` in A's schema, `b_at` in B's.
  void emit_at(RuleId rule, const Entity& a, const Entity& b, SourceRef a_at, SourceRef b_at,
               std::string_view what, std::string message);
  // Going forward, what A gained B lost: the words follow the edit as it was made.
  const char* added() const { return forward_ ? "removed" : "added"; }
  const char* removed() const { return forward_ ? "added" : "removed"; }
  // "was X, now Y" in OLD/NEW terms whatever the direction.
  std::string change(const std::string& a_value, const std::string& b_value) const {
    const std::string& old_value = forward_ ? b_value : a_value;
    const std::string& new_value = forward_ ? a_value : b_value;
    return "from " + old_value + " to " + new_value;
  }

  // ---- the comparison (compare.cpp) ----
  // Whether everything A accepts, B accepts. With `report`, what does not is emitted.
  bool compare(const Entity* a, const Entity* b, bool report);
  void settle_provisional(size_t first, int own, bool valid);
  bool holds(const Entity* a, const Entity* b) { return compare(a, b, false); }
  bool compare_now(const Entity& a, const Entity& b);
  bool subschemas_pairwise(const Entity& a, const Entity& b);

  // ---- intersections and combinators (compare_combinators.cpp) ----
  const Entity* all_of_merged(const Entity& a);
  const Entity* beside(const Entity& a, std::string_view keyword);
  const Entity* conjunction(const std::vector<const Entity*>& list);
  bool covers(const std::vector<const Entity*>& list, const Entity* target);
  bool combinators(const Entity& a, const Entity& b);
  const Entity* with_type(const Entity& e, std::string_view type);

  // ---- keyword families (compare_families.cpp, compare_scalars.cpp, compare_arrays.cpp,
  // compare_objects.cpp) ----
  bool families(const Entity& a, const Entity& b);
  bool values(const Entity& a, const Entity& b, const std::vector<std::string>& list,
              const TypeSet& bt);
  bool numbers(const Entity& a, const Entity& b);
  bool count_up(const Entity& a, const Entity& b, const char* attr, RuleId rule, const char* what);
  bool count_down(const Entity& a, const Entity& b, const char* attr, RuleId rule,
                  const char* what);
  bool strings(const Entity& a, const Entity& b);
  bool arrays(const Entity& a, const Entity& b);
  bool objects(const Entity& a, const Entity& b);
  std::vector<const Entity*> undeclared(const Entity& e, const std::string& name, bool b_side);
  std::vector<const Entity*> own_evaluators(const Entity& e, const std::string& name);
  std::vector<const Entity*> applied_evaluators(const Entity& e, const std::string& name,
                                                bool b_side, int depth);

  bool forward_;
  const detail::RuleSelection& on_;
  detail::Emitter& out_;
  bool reporting_ = true;
  static constexpr int kMaxDepth = 300;
  int depth_ = 0;
  std::vector<std::pair<const Entity*, const Entity*>> deferred_;
  RefTargets a_targets_, b_targets_;  // resolved when a comparison reaches a $ref
  std::unordered_map<const Entity*, const Entity*> targets_;  // each $ref's target, once looked up
  struct PairHash {
    size_t operator()(const std::tuple<const Entity*, const Entity*, bool>& k) const {
      const auto h1 = std::hash<const void*>()(std::get<0>(k));
      const auto h2 = std::hash<const void*>()(std::get<1>(k));
      return h1 ^ (h2 * 0x9e3779b97f4a7c15ULL) ^ static_cast<size_t>(std::get<2>(k));
    }
  };
  struct Memo {
    enum State : int8_t { in_progress, provisional, holds, fails, deferred } state;
    int depth;  // in progress: its stack depth; provisional: the depth of what it assumed
    bool hit;   // in progress: whether some answer assumed it
  };
  static constexpr int kNoAssumption = 1 << 30;
  int lowest_ = kNoAssumption;  // the shallowest in-progress pair the current answer assumed
  std::vector<std::tuple<const Entity*, const Entity*, bool>> provisional_;
  std::unordered_map<std::tuple<const Entity*, const Entity*, bool>, Memo, PairHash> memo_;
  PatternMatcher patterns_;  // patternProperties and `pattern`, compiled once each
  std::map<std::pair<const Entity*, std::string>, std::unique_ptr<Entity>> restricted_;
  std::unordered_map<const Entity*, std::unique_ptr<Entity>> merged_;  // see all_of_merged()
  std::unordered_map<const Entity*, const Entity*> merged_from_;  // merged -> its schema
  std::map<std::pair<const Entity*, std::string>, std::unique_ptr<Entity>> beside_;  // beside()
  std::map<std::vector<const Entity*>, std::unique_ptr<Entity>> conjunctions_;
};

}  // namespace breakwater::jsonschema
