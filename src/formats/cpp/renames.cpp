#include "formats/cpp/renames.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace breakwater::cpp {
namespace {

using Keys = std::set<std::pair<std::string_view, std::string>>;

std::string_view parent_of(std::string_view qualified) {
  // The last "::" outside template arguments and parameter lists.
  int depth = 0;
  for (size_t i = qualified.size(); i >= 2; --i) {
    const char c = qualified[i - 1];
    if (c == '>' || c == ')') ++depth;
    if (c == '<' || c == '(') --depth;
    if (depth == 0 && c == ':' && qualified[i - 2] == ':') return qualified.substr(0, i - 2);
  }
  return {};
}

// The namespace a declaration lives in: its qualified name without the last component, and
// without enclosing classes.
std::string namespace_of(const Entity& e, const Keys& keys) {
  std::string_view ns =
      parent_of(e.has("callable") ? std::string_view(e.str("callable")) : e.key);
  while (!ns.empty() && (keys.contains({"record", std::string(ns)}) ||
                         keys.contains({"template", std::string(ns)})))
    ns = parent_of(ns);
  return std::string(ns);
}

struct Side {
  Keys keys;
  std::map<std::string, std::vector<const Entity*>> by_namespace;
  std::set<std::string> namespaces;  // every namespace and its enclosing ones
};

Side side_of(const Schema& s) {
  Side side;
  for (const Entity& root : s.roots) {
    for (const Entity& e : root.children) side.keys.emplace(e.kind, e.key);
  }
  for (const Entity& root : s.roots) {
    for (const Entity& e : root.children) {
      if (e.kind == "macro") continue;
      std::string ns = namespace_of(e, side.keys);
      side.by_namespace[ns].push_back(&e);
      for (std::string_view n = ns; !n.empty(); n = parent_of(n)) side.namespaces.emplace(n);
    }
  }
  return side;
}

bool ident(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

void rename_entity(Entity& e, const Renames& renames, bool top) {
  const std::string before = e.key;
  e.key = renamed(e.key, renames);  // the name stays OLD's, for messages about OLD
  for (Attr& a : e.attrs) {
    if (a.name == "mangled") continue;
    if (auto* text = std::get_if<std::string>(&a.value)) *text = renamed(*text, renames);
  }
  if (top && e.key != before) e.set("renamed_from", before);
  for (Entity& c : e.children) rename_entity(c, renames, false);
}

}  // namespace

std::string renamed(const std::string& text, const Renames& renames) {
  std::string out = text;
  for (const auto& [from, to] : renames) {
    const std::string needle = from + "::";
    for (size_t at = out.find(needle); at != std::string::npos; at = out.find(needle, at)) {
      // Only where the namespace starts a qualified name: not `x::acme::` nor `myacme::`.
      const bool starts = at == 0 || (!ident(out[at - 1]) && out[at - 1] != ':');
      if (!starts) {
        at += needle.size();
        continue;
      }
      out.replace(at, from.size(), to);
      at += to.size() + 2;
    }
  }
  return out;
}

Renames renamed_namespaces(const Schema& old_schema, const Schema& new_schema) {
  const Side before = side_of(old_schema), after = side_of(new_schema);
  Renames out;
  for (const auto& [ns, decls] : before.by_namespace) {
    if (ns.empty() || after.namespaces.contains(ns)) continue;
    std::string best;
    size_t best_count = 0;
    for (const auto& [candidate, news] : after.by_namespace) {
      if (candidate.empty() || before.namespaces.contains(candidate)) continue;
      const Renames trial = {{ns, candidate}};
      size_t count = 0;
      for (const Entity* e : decls) count += after.keys.contains({e->kind, renamed(e->key, trial)});
      if (count > best_count) {
        best = candidate;
        best_count = count;
      }
    }
    if (best_count * 2 > decls.size()) out.emplace_back(ns, best);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.first.size() != b.first.size() ? a.first.size() > b.first.size() : a < b;
  });
  return out;
}

Schema with_renames(const Schema& old_schema, const Renames& renames) {
  Schema copy = old_schema;
  for (Entity& root : copy.roots) {
    for (Entity& e : root.children) rename_entity(e, renames, true);
  }
  return copy;
}

}  // namespace breakwater::cpp
