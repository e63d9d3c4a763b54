// Shared vocabulary of the protobuf checks: both sides' indexes, the emitter, and the pairings
// buf uses (types by full name, fields by number, values by number, rpcs by name).
#pragma once

#include "core/engine.hpp"
#include "formats/protobuf/index.hpp"
#include "rule_ids/protobuf.hpp"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace breakwater::protobuf {

// A field paired across versions, with the messages (or, for extensions, the extensions
// themselves) that hold it.
struct FieldPair {
  const Entity* old_parent;
  const Entity* new_parent;
  const Entity* old_field;
  const Entity* new_field;
};

struct Sides {
  Sides(const Index& o, const Index& n, const detail::RuleSelection& e, detail::Emitter& emitter)
      : old_side(o), new_side(n), enabled(e), out(emitter), shared_(nullptr) {}
  // The same sides reporting to another emitter, reusing `from`'s (already built) pairings.
  Sides(const Sides& from, detail::Emitter& emitter)
      : old_side(from.old_side),
        new_side(from.new_side),
        enabled(from.enabled),
        out(emitter),
        shared_(&from) {}

  const Index& old_side;
  const Index& new_side;
  const detail::RuleSelection& enabled;
  detail::Emitter& out;

  // True when the user asked only about the wire (WIRE / WIRE_JSON categories), so rules
  // shared with FILE/PACKAGE may drop the generated-code-only part of their strictness.
  bool wire_only() const;

  // Pairings are computed once per run and shared by every rule that walks them.
  const std::vector<std::pair<const Placed*, const Placed*>>& pairs(std::string_view kind) const;
  const std::vector<FieldPair>& field_pairs() const;

 private:
  mutable std::map<std::string, std::vector<std::pair<const Placed*, const Placed*>>, std::less<>>
      pairs_;
  mutable std::optional<std::vector<FieldPair>> field_pairs_;
  const Sides* shared_;  // when set, pairings come from there (read-only, thread-safe)
};

#define BREAKWATER_DECLARE_CHECK(id) void check_##id(const Sides& sides);
BREAKWATER_RULES_PROTOBUF(BREAKWATER_DECLARE_CHECK)
#undef BREAKWATER_DECLARE_CHECK

std::string q(std::string_view text);  // detail::quoted: the one quoting policy, in core

// Kind as a user reads it: message, enum, service, extension, field...
std::string_view noun(const Entity& e);

using PairFn = std::function<void(const Placed& old_e, const Placed& new_e)>;
// Pairs of declarations of `kind` (message, enum, service, extension) matched by full name.
void for_each_pair(const Sides& s, std::string_view kind, const PairFn& fn);

using FieldFn = std::function<void(const Entity& old_parent, const Entity& new_parent,
                                   const Entity& old_field, const Entity& new_field)>;
// Fields of messages paired by full name, matched by number; then extensions paired by extendee
// and number (the parent passed for an extension is the extension itself).
void for_each_field_pair(const Sides& s, const FieldFn& fn);

// The position in NEW nearest to where a deleted OLD element lived: the closest enclosing
// message that survives in `new_file` (matched by nested name), else the file itself.
SourceRef nearest_in_file(const Index& side, const Entity& new_file, std::string_view nested_name);
// Same, matched by full name across NEW; falls back to `fallback`.
SourceRef nearest_by_full_name(const Index& side, std::string_view full_name, SourceRef fallback);

// Children of `e` with kind `kind`.
std::vector<const Entity*> children_of(const Entity& e, std::string_view kind);

// Number ranges of one kind (reserved_range, extension_range) under `parent`, sorted and merged,
// so that splitting or joining ranges compares equal.
struct NumberRanges {
  std::vector<std::pair<int64_t, int64_t>> merged;  // inclusive, disjoint, ascending
  bool covers(int64_t number) const { return covers(number, number); }
  bool covers(int64_t first, int64_t last) const;
};
NumberRanges collapsed(const Entity& parent, std::string_view kind);
std::set<std::string, std::less<>> reserved_names(const Entity& parent);

// The attribute's value, or `fallback` (the language default) when the source does not set it.
Value effective(const Entity& e, std::string_view attr, const Value& fallback);
std::string value_text(const Value& v);  // as a user would spell it; "unset" for none

// "the field" / "the extension" phrasing for a field-like entity on its parent.
std::string describe_field(const Entity& parent, const Entity& field);

}  // namespace breakwater::protobuf
