#include "formats/jsonschema/intersect.hpp"

#include "formats/jsonschema/fingerprint.hpp"
#include "formats/jsonschema/schema_values.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace breakwater::jsonschema {
namespace {

bool always(const Entity& e, bool value) {
  const Attr* a = e.find("always");
  return a != nullptr && std::get<bool>(a->value) == value;
}

Entity nothing(const Entity& like) {
  Entity e;
  e.kind = like.kind;
  e.key = like.key;
  e.name = like.name;
  e.loc = like.loc;
  e.set("always", false);
  return e;
}

// Slots whose meaning depends on the other keywords of their own schema, so that moving them
// next to another schema's keywords would change what they accept.
bool relative_slot(std::string_view key) {
  return key == "additionalProperties" || key == "unevaluatedProperties" || key == "items" ||
         key == "unevaluatedItems";
}

bool same_content(const Entity& x, const Entity& y) {
  const auto fx = fingerprint(x);
  return fx && !holds_refs(x) && fx == fingerprint(y);
}

}  // namespace

std::optional<Entity> intersect(const Entity& x, const Entity& y) {
  if (always(x, true)) return y;
  if (always(y, true)) return x;
  if (always(x, false) || always(y, false)) return nothing(x);
  Entity out;
  out.kind = x.kind;
  out.key = x.key;
  out.name = x.name;
  out.loc = x.loc;
  // Attributes, keyword by keyword.
  for (const Entity* e : {&x, &y}) {
    for (const Attr& a : e->attrs) {
      const std::string_view n = a.name;
      if (n == "hash" || n == "default") continue;
      if (n == "ref" || n == "allOf" || n == "anyOf" || n == "oneOf" || n == "always") return {};
    }
  }
  const TypeSet types = TypeSet::of(x).meet(TypeSet::of(y));
  if (types.none()) return nothing(x);
  if (!types.all()) out.set("type", types.text(), x.loc_of("type"));
  const auto tighter = [](std::optional<Bound> p, std::optional<Bound> q, bool low) {
    if (!p) return q;
    if (!q) return p;
    if (p->value == q->value) return p->exclusive ? p : q;
    return (p->value > q->value) == low ? p : q;
  };
  if (const auto lo = tighter(lower(x), lower(y), true)) {
    out.set(lo->exclusive ? "exclusiveMinimum" : "minimum", lo->value);
  }
  if (const auto hi = tighter(upper(x), upper(y), false)) {
    out.set(hi->exclusive ? "exclusiveMaximum" : "maximum", hi->value);
  }
  for (const char* k : {"minLength", "minItems", "minProperties", "minContains"}) {
    const auto p = num(x, k), q = num(y, k);
    if (p || q) out.set(k, std::max(p.value_or(0), q.value_or(0)));
  }
  for (const char* k : {"maxLength", "maxItems", "maxProperties", "maxContains"}) {
    const auto p = num(x, k), q = num(y, k);
    if (p && q) {
      out.set(k, std::min(*p, *q));
    } else if (p || q) {
      out.set(k, p ? *p : *q);
    }
  }
  // Keywords with no merged form: equal on both sides, or given by one only.
  for (const char* k : {"multipleOf", "pattern", "format", "const"}) {
    const Attr* p = x.find(k);
    const Attr* q = y.find(k);
    if (p && q && p->value != q->value) return {};
    if (p || q) out.set(k, (p ? p : q)->value, (p ? x : y).loc_of(k));
  }
  if (x.flag("uniqueItems") || y.flag("uniqueItems")) out.set("uniqueItems", true);
  if (x.has("enum") || y.has("enum")) out.set("enum", true, (x.has("enum") ? x : y).loc_of("enum"));
  for (const Attr& a : x.attrs) {
    if (!out.has(a.name) && a.name != "hash" && a.name != "default" && a.name != "type" &&
        !a.name.starts_with("exclusive") && a.name != "minimum" && a.name != "maximum")
      return {};  // an attribute this merge does not know
  }
  for (const Attr& a : y.attrs) {
    if (!out.has(a.name) && a.name != "hash" && a.name != "default" && a.name != "type" &&
        !a.name.starts_with("exclusive") && a.name != "minimum" && a.name != "maximum")
      return {};
  }
  // Children: enum values only when one side lists them (or both list the same), required
  // names and dependency lists add up, subschema slots join when the two sides do not share
  // them.
  const auto has_kind = [](const Entity& e, std::string_view kind) {
    return std::any_of(e.children.begin(), e.children.end(),
                       [&](const Entity& c) { return c.kind == kind; });
  };
  // Whether `e` evaluates some members or items itself, which a relative slot of the other
  // side would then no longer see.
  const auto evaluates = [](const Entity& e) {
    return std::any_of(e.children.begin(), e.children.end(), [](const Entity& c) {
      return c.key.starts_with("properties/") || c.key.starts_with("patternProperties/") ||
             c.key.starts_with("prefixItems/") || c.key.starts_with("dependentSchemas/") ||
             c.key == "contains" || relative_slot(c.key);
    });
  };
  const bool both_enums = has_kind(x, "enum_value") && has_kind(y, "enum_value");
  for (const Entity* e : {&x, &y}) {
    const Entity& other = e == &x ? y : x;
    for (const Entity& c : e->children) {
      if (c.kind == "enum_value") {
        // Two lists: the values in both.
        const bool in_other = std::any_of(other.children.begin(), other.children.end(),
                                          [&](const Entity& o) { return o.key == c.key; });
        if (both_enums && (e == &y || !in_other)) continue;
        out.children.push_back(c);
        continue;
      }
      if (c.kind == "required" || c.kind == "dependency") {
        const bool dup =
            std::any_of(out.children.begin(), out.children.end(),
                        [&](const Entity& o) { return o.kind == c.kind && o.key == c.key; });
        if (dup && c.kind == "dependency") return {};
        if (!dup) out.children.push_back(c);
        continue;
      }
      if (c.key.starts_with("$defs/")) continue;
      if (relative_slot(c.key) && evaluates(other)) return {};
      const auto twin = std::find_if(other.children.begin(), other.children.end(),
                                     [&](const Entity& o) { return o.key == c.key; });
      if (twin != other.children.end()) {
        if (e == &y) continue;  // handled from x's side
        if (!same_content(c, *twin)) return {};
      }
      if (c.key == "not" || c.key == "if" || c.key == "then" || c.key == "else" ||
          c.key == "contains")
        return {};  // kept exact only beside its own keywords
      out.children.push_back(c);
    }
  }
  return out;
}

}  // namespace breakwater::jsonschema
