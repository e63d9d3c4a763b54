#include "formats/protobuf/plugin.hpp"

#include "formats/protobuf/discover.hpp"

#include <breakwater/diff.hpp>

#include "formats/protobuf/checks.hpp"
#include "formats/protobuf/load.hpp"
#include "formats/protobuf/names.hpp"
#include "formats/protobuf/unstable.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/parallel.hpp"
#include "core/quote.hpp"

namespace breakwater::protobuf {
namespace {

struct RuleCheck {
  RuleId id;
  void (*fn)(const Sides&);
};

// One function per catalog rule: a rule without its check_<ID> fails to link.
#define BREAKWATER_TABLE_ENTRY(id) RuleCheck{rules::protobuf::id, &check_##id},
constexpr RuleCheck kChecks[] = {BREAKWATER_RULES_PROTOBUF(BREAKWATER_TABLE_ENTRY)};
#undef BREAKWATER_TABLE_ENTRY

void run(const Schema& old_schema, const Schema& new_schema, const detail::RuleSelection& enabled,
         const detail::RunContext& context, detail::Emitter& out) {
  const unsigned jobs = context.jobs;
  const Index old_side(old_schema);
  const Index new_side(new_schema);
  std::vector<const RuleCheck*> selected;
  for (const RuleCheck& c : kChecks) {
    if (enabled.on(c.id)) selected.push_back(&c);
  }
  // Each rule writes to its own emitter; merging in table order keeps the output independent of
  // scheduling. The shared pairings are built before the threads start.
  std::vector<detail::Emitter> outs(selected.size(), detail::Emitter(old_schema, new_schema));
  const Sides shared(old_side, new_side, enabled, out);
  for (std::string_view kind :
       {names::kMessage, names::kEnum, names::kService, names::kExtension}) {
    shared.pairs(kind);
  }
  shared.field_pairs();
  detail::parallel_for(selected.size(), jobs, [&](size_t i) {
    const Sides sides(shared, outs[i]);
    selected[i]->fn(sides);
  });
  for (auto& o : outs) out.append(std::move(o));
}

Schema load_protobuf(const std::string& path, const LoadOptions& options,
                     const detail::FormatOptions&) {
  return load(path, options);
}

}  // namespace

bool Sides::wire_only() const {
  const auto& r = enabled.requested();
  return !r.empty() && std::all_of(r.begin(), r.end(), [](const std::string& t) {
    return t == "WIRE" || t == "WIRE_JSON";
  });
}

const detail::FormatPlugin& plugin() {
  static const detail::FormatPlugin p{
      .name = "protobuf",
      .lang = "proto",
      .aliases = {"proto"},
      .default_use = {"FILE"},
      .claims = &claims,
      .load = &load_protobuf,
      .run = &run,
      .extensions = {".proto", ".binpb", ".fds", ".desc", ".protoset"},
      .comment_markers = {"//"},
      .discover = &discover,
      .unstable = &in_unstable_package,
      .fence_language = "proto",
      .system_folders = {BREAKWATER_PROTO_SYSTEM_INCLUDE "/google/protobuf"},
  };
  return p;
}

std::string q(std::string_view text) {
  return detail::quoted(text);
}

std::string_view noun(const Entity& e) {
  if (e.kind == names::kEnumValue) return "enum value";
  if (e.kind == names::kRpc) return "RPC";
  return e.kind;
}

const std::vector<std::pair<const Placed*, const Placed*>>& Sides::pairs(
    std::string_view kind) const {
  auto it = pairs_.find(kind);
  if (it != pairs_.end()) return it->second;
  if (shared_ != nullptr) {
    // Worker threads may only read pairings built before they started (see run()).
    auto built = shared_->pairs_.find(kind);
    if (built == shared_->pairs_.end())
      throw std::logic_error("pairing not prepared: " + std::string(kind));
    return built->second;
  }
  std::vector<std::pair<const Placed*, const Placed*>> found;
  for (const Placed& o : old_side.all(kind)) {
    const Placed* n = new_side.by_full_name(o.entity->name);
    if (n != nullptr && n->entity->kind == kind) found.emplace_back(&o, n);
  }
  return pairs_.emplace(std::string(kind), std::move(found)).first->second;
}

const std::vector<FieldPair>& Sides::field_pairs() const {
  if (field_pairs_) return *field_pairs_;
  if (shared_ != nullptr) {
    if (!shared_->field_pairs_) throw std::logic_error("field pairing not prepared");
    return *shared_->field_pairs_;
  }
  std::vector<FieldPair> found;
  for (const auto& [o, n] : pairs(names::kMessage)) {
    for (const EntityPair& p : align(o->entity->children, n->entity->children, names::kField)) {
      if (p.old_entity != nullptr && p.new_entity != nullptr) {
        found.push_back({o->entity, n->entity, p.old_entity, p.new_entity});
      }
    }
  }
  // Extensions pair like fields: by extendee and number, wherever they are declared.
  auto extension_key = [](const Entity& e) {
    return std::string(e.str(names::kExtendee)) + "#" + std::to_string(e.num(names::kNumber));
  };
  std::unordered_map<std::string, const Entity*> new_extensions;
  for (const Placed& p : new_side.all(names::kExtension))
    new_extensions.emplace(extension_key(*p.entity), p.entity);
  for (const Placed& p : old_side.all(names::kExtension)) {
    auto it = new_extensions.find(extension_key(*p.entity));
    if (it != new_extensions.end()) found.push_back({p.entity, it->second, p.entity, it->second});
  }
  field_pairs_ = std::move(found);
  return *field_pairs_;
}

void for_each_pair(const Sides& s, std::string_view kind, const PairFn& fn) {
  for (const auto& [o, n] : s.pairs(kind)) fn(*o, *n);
}

void for_each_field_pair(const Sides& s, const FieldFn& fn) {
  for (const FieldPair& p : s.field_pairs())
    fn(*p.old_parent, *p.new_parent, *p.old_field, *p.new_field);
}

SourceRef nearest_in_file(const Index& side, const Entity& new_file, std::string_view nested_name) {
  std::string_view scope = nested_name;
  while (true) {
    const auto dot = scope.rfind('.');
    if (dot == std::string_view::npos) break;
    scope = scope.substr(0, dot);
    if (const Entity* e = side.in_file(new_file, scope)) return e->loc;
  }
  return new_file.loc;
}

SourceRef nearest_by_full_name(const Index& side, std::string_view full_name, SourceRef fallback) {
  std::string_view scope = full_name;
  while (true) {
    const auto dot = scope.rfind('.');
    if (dot == std::string_view::npos) break;
    scope = scope.substr(0, dot);
    if (const Placed* p = side.by_full_name(scope)) return p->entity->loc;
  }
  return fallback;
}

Value effective(const Entity& e, std::string_view attr, const Value& fallback) {
  const Attr* a = e.find(attr);
  return a == nullptr ? fallback : a->value;
}

std::string value_text(const Value& v) {
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  if (const auto* t = std::get_if<std::string>(&v)) return *t;
  return "unset";
}

std::vector<const Entity*> children_of(const Entity& e, std::string_view kind) {
  std::vector<const Entity*> out;
  for (const Entity& c : e.children) {
    if (c.kind == kind) out.push_back(&c);
  }
  return out;
}

std::string describe_field(const Entity& parent, const Entity& field) {
  if (field.kind == names::kExtension) return "Extension " + q(field.name);
  return "Field " + std::to_string(field.num(names::kNumber)) + " " + q(field.str("name")) +
         " on message " + q(parent.name);
}

}  // namespace breakwater::protobuf
