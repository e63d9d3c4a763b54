#include "formats/cpp/checks.hpp"

#include <breakwater/rules.hpp>

#include "core/quote.hpp"
#include "rule_ids/cpp.hpp"

#include "formats/cpp/renames.hpp"
#include "formats/cpp/type_spelling.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>

namespace breakwater::cpp {
namespace {

using Index = std::map<std::pair<std::string_view, std::string_view>, const Entity*>;

Index index_of(const Schema& s) {
  Index out;
  for (const Entity& root : s.roots) {
    for (const Entity& e : root.children)
      out.emplace(std::pair{e.kind, std::string_view(e.key)}, &e);
  }
  return out;
}

std::multimap<std::string_view, const Entity*> overloads_of(const Schema& s,
                                                            std::string_view kind = "function") {
  std::multimap<std::string_view, const Entity*> out;
  for (const Entity& root : s.roots) {
    for (const Entity& e : root.children) {
      if (e.kind == kind && e.has("callable")) out.emplace(e.str("callable"), &e);
    }
  }
  return out;
}

// Member functions by the record that declares them.
std::multimap<std::string_view, const Entity*> members_of(const Schema& s) {
  std::multimap<std::string_view, const Entity*> out;
  for (const Entity& root : s.roots) {
    for (const Entity& e : root.children) {
      if (e.kind == "function" && e.has("record")) out.emplace(e.str("record"), &e);
    }
  }
  return out;
}

// Code spans: the one quoting policy (core/quote.hpp) with backticks.
std::string q(std::string_view s) {
  return detail::quoted(s, '`');
}

int access_rank(std::string_view a) {
  return a == "private" ? 2 : a == "protected" ? 1 : 0;
}

// Visible to clients: free functions, public and protected members.
bool visible(const Entity& e) {
  return access_rank(e.str("access", "public")) < 2;
}

// A version number, by its name: the name's last part says `version` (any case):
// `LIB_VERSION_MINOR`, `kMinorVersion`, `demo::version`.
bool names_a_version(std::string_view name) {
  if (const size_t scope = name.rfind("::"); scope != std::string_view::npos) {
    name.remove_prefix(scope + 2);
  }
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("version") != std::string::npos;
}

// A constant's value without the type a macro's evaluation adds ("16 (unsigned int)" -> "16").
std::string_view number_of(std::string_view value) {
  return value.substr(0, value.find(" ("));
}

// An `extern "C"` function: its symbol is its plain name (no `_Z` mangling), whatever its
// parameters. Judged by C's rules, a parameter that only gained `const` on what a one-level
// pointer points to (`char *` -> `const char *`) takes every argument it took, from C and C++
// callers alike, and old binaries still find the symbol.
bool c_compatible(const Entity& old_fn, const Entity& new_fn);

// The declaration's words as a list ("a\x1fb") -> items.
std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> out;
  if (s.empty()) return out;
  for (size_t start = 0;;) {
    const size_t sep = s.find('\x1f', start);
    out.push_back(s.substr(start, sep == std::string_view::npos ? s.npos : sep - start));
    if (sep == std::string_view::npos) break;
    start = sep + 1;
  }
  return out;
}

// "int, std::map<int, int>" -> its parameter types: split at top-level commas only.
std::vector<std::string_view> split_params(std::string_view p) {
  std::vector<std::string_view> out;
  if (p.empty()) return out;
  // Types may hold commas inside template arguments: split at top level only.
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '<' || p[i] == '(') ++depth;
    if (p[i] == '>' || p[i] == ')') --depth;
    if (depth == 0 && p.compare(i, 2, ", ") == 0) {
      out.push_back(p.substr(start, i - start));
      start = i + 2;
    }
  }
  out.push_back(p.substr(start));
  return out;
}

std::vector<std::string_view> params_of(const Entity& f) {
  return split_params(f.str("params"));
}

// Two spellings of a type in a class template that may name the same type: one of them goes
// through a member of a dependent type (`typename basic_string_view<T>::iterator`), which only
// an instantiation resolves (it may be `const T *`).
bool may_be_same_dependent(std::string_view a, std::string_view b) {
  return a.find("typename ") != std::string_view::npos ||
         b.find("typename ") != std::string_view::npos;
}

// The qualifiers after the parameter list (" const &").
std::string_view quals_of(const Entity& f) {
  const std::string_view key = f.key;
  return key.substr(key.rfind(')') + 1);
}

// A record's members by kind and name: a struct of 100,000 fields must not cost a scan per field.
class ChildIndex {
 public:
  explicit ChildIndex(const Entity& e) {
    for (const Entity& c : e.children) by_.emplace(std::pair{c.kind, std::string_view(c.key)}, &c);
  }
  const Entity* find(std::string_view kind, std::string_view key) const {
    const auto it = by_.find({kind, key});
    return it == by_.end() ? nullptr : it->second;
  }

 private:
  std::map<std::pair<std::string_view, std::string_view>, const Entity*> by_;
};

bool c_compatible(const Entity& old_fn, const Entity& new_fn) {
  const auto c_linkage = [](const Entity& f) {
    const std::string_view m = f.str("mangled");
    return !m.empty() && !m.starts_with("_Z");
  };
  if (!c_linkage(old_fn) || !c_linkage(new_fn) || old_fn.str("return") != new_fn.str("return")) {
    return false;
  }
  const auto olds = params_of(old_fn), news = params_of(new_fn);
  if (olds.size() != news.size()) return false;
  for (size_t i = 0; i < olds.size(); ++i) {
    const std::string_view o = olds[i], n = news[i];
    const bool one_level = o.ends_with('*') && std::count(o.begin(), o.end(), '*') == 1;
    if (o != n && !(one_level && !o.starts_with("const ") && n == "const " + std::string(o))) {
      return false;
    }
  }
  return true;
}

// Whether a parameter of type `n` takes every argument one of type `o` took, meaning the same:
// the same type, an integer of the same signedness and a higher rank, float -> double, or
// const added where a pointer points or a reference refers (`T *` -> `const T *`).
bool widens(std::string_view o, std::string_view n) {
  if (o == n) return true;
  static const std::vector<std::vector<std::string_view>> ladders = {
      {"signed char", "short", "int", "long", "long long"},
      {"unsigned char", "unsigned short", "unsigned int", "unsigned long", "unsigned long long"},
      {"float", "double", "long double"}};
  for (const auto& ladder : ladders) {
    const auto a = std::find(ladder.begin(), ladder.end(), o);
    const auto b = std::find(ladder.begin(), ladder.end(), n);
    if (a != ladder.end() && b != ladder.end()) return a < b;
  }
  for (std::string_view tail : {" *", " &"}) {
    if (o.ends_with(tail) && !o.starts_with("const ") &&
        std::count(o.begin(), o.end(), tail[1]) == 1 && n == "const " + std::string(o)) {
      return true;
    }
  }
  return false;
}

bool accepts_old_arguments(const std::vector<std::string_view>& olds,
                           const std::vector<std::string_view>& news) {
  if (olds.size() != news.size()) return false;
  for (size_t i = 0; i < olds.size(); ++i) {
    if (!widens(olds[i], news[i])) return false;
  }
  return true;
}

class Checker {
 public:
  Checker(const Schema& o, const Schema& n, const detail::RuleSelection& on, detail::Emitter& out)
      : old_(o),
        new_(n),
        on_(on),
        out_(out),
        olds_(index_of(o)),
        news_(index_of(n)),
        old_overloads_(overloads_of(o)),
        new_overloads_(overloads_of(n)),
        old_function_templates_(overloads_of(o, "template")),
        new_function_templates_(overloads_of(n, "template")),
        old_members_(members_of(o)) {}

  // One finding per renamed namespace, at its first declaration.
  void namespace_renames(const Renames& renames) {
    for (const auto& [from, to] : renames) {
      const Entity* first = nullptr;
      size_t count = 0;
      for (const auto& [key, e] : olds_) {
        if (!e->has("renamed_from") || !e->str("renamed_from").starts_with(from + "::") ||
            !e->key.starts_with(to + "::"))
          continue;
        ++count;
        if (first == nullptr ||
            std::tie(e->loc.file, e->loc.line) < std::tie(first->loc.file, first->loc.line))
          first = e;
      }
      if (first == nullptr) continue;
      const bool aliased = find(news_, "namespace_alias", from) != nullptr;
      emit(rules::cpp::NAMESPACE_NO_RENAME, *first, find(news_, first->kind, first->key),
           "Namespace " + q(from) + " was renamed to " + q(to) + " (" + std::to_string(count) +
               " declaration" + (count > 1 ? "s" : "") + "): " +
               (aliased ? "sources still compile through the alias " + q(from) + ", but"
                        : "code that names " + q(from + "::...") + " no longer compiles, and") +
               " every mangled name inside changes, so binaries built against OLD fail to "
               "load.",
           aliased ? std::vector<std::string>{"ABI"} : std::vector<std::string>{});
    }
  }

  void run() {
    for (const auto& [key, e] : olds_) {
      const Entity* now = find(news_, e->kind, e->key);
      if (e->kind == "function") {
        function(*e, now);
      } else if (e->kind == "variable") {
        variable(*e, now);
      } else if (e->kind == "record") {
        record(*e, now);
      } else if (e->kind == "enum") {
        enumeration(*e, now);
      } else if (e->kind == "typedef") {
        alias(*e, now);
      } else if (e->kind == "template") {
        templates(*e, now);
      } else if (e->kind == "macro") {
        macro(*e, now);
      } else if (e->kind == "namespace_alias" && now == nullptr && !namespace_in_new(e->key)) {
        removed_type(*e);
      } else if (e->kind == "header" && now == nullptr) {
        removed_header(*e);
      }
    }
    for (const auto& [key, e] : news_) {
      if (e->kind == "function" && find(olds_, e->kind, e->key) == nullptr) added_function(*e);
    }
    inline_namespaces();
    moved_between_headers();
  }

 private:
  // Namespace-scope declarations (members go with their class) now in a header that the header
  // declaring them in OLD does not include in NEW: one finding per (old, new) header pair.
  void moved_between_headers() {
    if (!on_.on(rules::cpp::DECLARATION_NO_MOVE)) return;
    const auto headers_by_file = [](const Index& idx) {
      std::map<uint32_t, const Entity*> out;
      for (const auto& [key, e] : idx) {
        if (e->kind == "header") out[e->loc.file] = e;
      }
      return out;
    };
    const auto old_headers = headers_by_file(olds_), new_headers = headers_by_file(news_);
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<const Entity*, const Entity*>>>
        moves;
    for (const auto& [key, e] : olds_) {
      if (e->kind == "header" || e->has("record") || !visible(*e)) continue;
      const Entity* now = find(news_, e->kind, e->key);
      if (now == nullptr) continue;
      const auto from = old_headers.find(e->loc.file), to = new_headers.find(now->loc.file);
      if (from == old_headers.end() || to == new_headers.end() || from->second->key == to->second->key) {
        continue;
      }
      // The old header in NEW: gone is HEADER_NO_DELETE; including the new one, no break.
      const Entity* old_header_now = find(news_, "header", from->second->key);
      if (old_header_now == nullptr) continue;
      const auto reached = split(old_header_now->str("reaches"));
      if (std::find(reached.begin(), reached.end(), to->second->key) != reached.end()) continue;
      moves[{from->second->key, to->second->key}].emplace_back(e, now);
    }
    for (const auto& [headers, decls] : moves) {
      // A class template is modelled twice (its parameters; its members): one declaration.
      std::vector<std::string_view> distinct;
      for (const auto& [was, is] : decls)
        if (std::find(distinct.begin(), distinct.end(), was->name) == distinct.end())
          distinct.push_back(was->name);
      std::string names;
      for (size_t i = 0; i < distinct.size() && i < 5; ++i)
        names += (i ? ", " : "") + q(distinct[i]);
      if (distinct.size() > 5) names += " and " + std::to_string(distinct.size() - 5) + " more";
      emit(rules::cpp::DECLARATION_NO_MOVE, *decls.front().first, decls.front().second,
           std::to_string(distinct.size()) +
               (distinct.size() == 1 ? " declaration" : " declarations") +
               " (" + names + ") moved from " + q(headers.first) + " to " + q(headers.second) +
               ", which " + q(headers.first) + " does not include: code that includes only " +
               q(headers.first) + " no longer compiles.");
    }
  }

  // The value of what NEW names `key` (`scope::NAME`) as a constant: a constant variable, an
  // unnamed enum's enumerator, or an enumerator of a named unscoped enum in that scope.
  std::optional<std::string> constant_in_new(std::string_view key) {
    if (const Entity* v = find(news_, "variable", key); v != nullptr && v->has("value")) {
      return std::string(v->str("value"));
    }
    // The enumerators of NEW's unscoped enums by the names their scope gives them, built on
    // first use: looked up per removed constant, not a scan of every declaration each time.
    if (!unscoped_enumerators_) {
      unscoped_enumerators_.emplace();
      for (const auto& [id, e] : news_) {
        if (e->kind != "enum" || e->flag("scoped")) continue;
        const size_t own = e->key.rfind("::");
        const std::string scope = own == std::string::npos ? "" : e->key.substr(0, own) + "::";
        for (const Entity& k : e->children) {
          if (k.kind == "enumerator") {
            unscoped_enumerators_->emplace(scope + k.key, std::to_string(k.num("value")));
          }
        }
      }
    }
    const auto it = unscoped_enumerators_->find(key);
    if (it == unscoped_enumerators_->end()) return std::nullopt;
    return it->second;
  }

  // Whether NEW declares anything in namespace `ns` (a real namespace may replace an alias).
  bool namespace_in_new(std::string_view ns) const {
    const std::string prefix = std::string(ns) + "::";
    for (const auto& [key, e] : news_) {
      if (e->key.starts_with(prefix)) return true;
    }
    return false;
  }

  static const Entity* find(const Index& idx, std::string_view kind, std::string_view key) {
    const auto it = idx.find({kind, key});
    return it == idx.end() ? nullptr : it->second;
  }

  // `categories`: the verdicts this change deserves under docs/cpp.md's policy when fewer than
  // the rule's (a value baked into old binaries that sources still compile with: {"ABI"}).
  void emit(RuleId rule, const Entity& old_e, const Entity* new_e, std::string message,
            std::vector<std::string> categories = {}) {
    if (!on_.on(rule)) return;
    if (old_e.flag("template_member") || (new_e != nullptr && new_e->flag("template_member"))) {
      // Part of a class template (or a member function template): every client instantiates
      // it in its own code, so no old binary imports it or lays it out from here; what counts
      // is whether sources still compile. A change that only binaries would see is none.
      if (categories.empty()) {
        if (const RuleInfo* info = find_rule(rule.id())) categories = info->categories;
      }
      if (std::find(categories.begin(), categories.end(), "API") == categories.end()) return;
      categories = {"API"};
    }
    SourceRef at = new_e != nullptr ? new_e->loc : anchor(old_e);
    out_.emit(rule, new_e != nullptr ? new_e->name : old_e.name, std::move(message), at, old_e.loc,
              {}, std::move(categories));
  }

  void removed_header(const Entity& h) {
    // Declarations it held that NEW still has elsewhere: said, as they are not reported.
    size_t held = 0, kept = 0;
    for (const auto& [key, e] : olds_) {
      if (e->kind == "header" || e->loc.file != h.loc.file) continue;
      ++held;
      kept += find(news_, e->kind, e->key) != nullptr;
    }
    std::string message = "Header " + q(h.key) + " was removed; `#include <" + h.key +
                          ">` no longer compiles";
    if (held == 1 && kept == 1) {
      message += " (its one declaration is now in another header)";
    } else if (held > 0 && kept == held) {
      message += " (each of its " + std::to_string(held) + " declarations is now in another header)";
    } else if (kept > 0) {
      message += " (" + std::to_string(kept) + " of its " + std::to_string(held) +
                 " declarations are now in another header)";
    }
    emit(rules::cpp::HEADER_NO_DELETE, h, nullptr, message + ".");
  }

  // The nearest surviving parent of a removed declaration: its record, when NEW still has it
  // (else {}: the emitter anchors at the same header, or the OLD place).
  SourceRef anchor(const Entity& old_e) const {
    if (const Attr* r = old_e.find("record")) {
      if (const Entity* rec = find(news_, "record", std::get<std::string>(r->value)))
        return rec->loc;
    }
    return {};
  }

  void function(const Entity& f, const Entity* now) {
    if (!visible(f) && !f.flag("virtual")) return;
    // A member of a class template that NEW no longer has: the template's removal says it.
    if (f.flag("template_member") && find(news_, "record", f.str("record")) == nullptr) return;
    // Nothing could call a deleted function: removing or changing it breaks no caller, and no
    // binary imports it.
    if (f.flag("deleted")) return;
    if (now == nullptr) {
      function_gone(f);
      return;
    }
    const std::string_view name = f.str("callable");
    // A call to a function that returned void used no result: one that now returns a value
    // (`void operator=` -> `T& operator=`) still compiles and runs (the value is ignored, in
    // rax for old binaries). An override in a client class would not: not for virtuals.
    const bool gained_result = f.str("return") == "void" && !f.flag("virtual");
    const bool unresolved =
        f.flag("template_member") && may_be_same_dependent(f.str("return"), now->str("return"));
    if (f.str("return") != now->str("return") && !gained_result && !unresolved) {
      emit(rules::cpp::FUNCTION_PROTOTYPE_NO_CHANGE, f, now,
           q(name) + " now returns " + q(now->str("return")) + " instead of " + q(f.str("return")) +
               ".");
    }
    if (f.flag("static") != now->flag("static")) {
      emit(rules::cpp::METHOD_QUALIFIER_NO_CHANGE, f, now,
           q(name) + (now->flag("static") ? " became static." : " is no longer static."));
    }
    if (access_rank(now->str("access", "public")) > access_rank(f.str("access", "public"))) {
      emit(rules::cpp::ACCESS_NO_NARROW, f, now,
           q(name) + " went from " + std::string(f.str("access", "public")) + " to " +
               std::string(now->str("access")) + ".");
    }
    noexcept_change(f, *now);
    default_arguments(f, *now);
    if (f.flag("virtual") && !f.flag("pure") && now->flag("pure")) {
      emit(rules::cpp::PURE_VIRTUAL_NO_ADD, f, now,
           q(f.name) + " became pure virtual: client classes derived from " + q(f.str("record")) +
               " that do not override it can no longer be instantiated.");
    }
    const Entity* owner = find(olds_, "record", f.str("record"));
    if (f.flag("virtual") && !f.flag("final") && now->flag("final") &&
        (owner == nullptr || !owner->flag("final"))) {
      emit(rules::cpp::FINAL_NO_ADD, f, now,
           q(f.name) + " became final: client classes that override it no longer compile.");
    }
    // A pure virtual had no definition for old binaries to import: they call it through the
    // vtable.
    if (!f.flag("inline") && now->flag("inline") && !now->flag("deleted") && !f.flag("deleted") &&
        !f.flag("pure")) {
      emit(rules::cpp::FUNCTION_INLINE_NO_ADD, f, now,
           q(f.name) + " is now defined inline in the header: the library need not export " +
               q(f.str("mangled")) + " any more, and binaries built against OLD import it.");
    }
    if (!f.flag("deleted") && now->flag("deleted")) {
      emit(rules::cpp::SYMBOL_NO_DELETE, f, now, q(f.name) + " is now deleted (= delete).");
    } else if (f.str("inline_ns") != now->str("inline_ns") && !f.has("renamed_from") &&
               !f.flag("inline")) {
      moved_namespaces_.emplace(
          std::pair{std::string(f.str("inline_ns")), std::string(now->str("inline_ns"))},
          std::pair{&f, now});
    } else if (!f.flag("inline") && f.str("mangled") != now->str("mangled") &&
               !f.str("mangled").empty() && !f.has("renamed_from")) {
      emit(rules::cpp::SYMBOL_NO_DELETE, f, now,
           q(f.name) + " is exported as " + q(now->str("mangled")) + " instead of " +
               q(f.str("mangled")) +
               " (an inline namespace or an ABI tag?): binaries built "
               "against OLD lose their symbol.");
    }
  }

  // An OLD function whose exact declaration is gone: a parameter appended with a default, a
  // qualifier changed, a signature changed, or the function removed.
  void function_gone(const Entity& f) {
    const std::string_view name = f.str("callable");
    const auto olds = old_overloads_.equal_range(name);
    const auto news = new_overloads_.equal_range(name);
    const auto old_params = params_of(f);
    std::vector<const Entity*> candidates;
    for (auto it = news.first; it != news.second; ++it) {
      if (visible(*it->second)) candidates.push_back(it->second);
    }
    for (const Entity* c : candidates) {
      const auto new_params = params_of(*c);
      const size_t extra = new_params.size() - std::min(new_params.size(), old_params.size());
      if (extra > 0 && std::equal(old_params.begin(), old_params.end(), new_params.begin()) &&
          c->num("defaults") >= static_cast<int64_t>(extra) && quals_of(f) == quals_of(*c)) {
        // Defined in the header and called directly: no symbol for old binaries to miss.
        if (f.flag("inline") && !f.flag("virtual")) return;
        emit(rules::cpp::PARAMETER_NO_ADD, f, c,
             q(name) + " gained " + std::to_string(extra) + " defaulted parameter" +
                 (extra > 1 ? "s" : "") + ": old calls compile, but its symbol is now " +
                 q(c->str("mangled")) + " and binaries built against OLD look for " +
                 q(f.str("mangled")) + ".");
        return;
      }
      if (new_params == old_params && quals_of(f) != quals_of(*c)) {
        // Made const: every call still compiles (a const method takes non-const objects too),
        // but the mangled name changes.
        std::string without_const(quals_of(*c));
        if (const size_t at = without_const.find(" const"); at != std::string::npos) {
          without_const.erase(at, 6);
        }
        const bool made_const = quals_of(f).find("const") == std::string_view::npos &&
                                without_const == quals_of(f);
        emit(rules::cpp::METHOD_QUALIFIER_NO_CHANGE, f, c,
             q(name) + " changed its qualifiers from " +
                 q(quals_of(f).empty() ? "(none)" : quals_of(f).substr(1)) + " to " +
                 q(quals_of(*c).empty() ? "(none)" : quals_of(*c).substr(1)) +
                 (made_const ? ": calls still compile, but binaries built against OLD import " +
                                   q(f.str("mangled")) + "."
                             : "."),
             made_const ? std::vector<std::string>{"ABI"} : std::vector<std::string>{});
        return;
      }
    }
    if (candidates.size() == 1 && std::distance(olds.first, olds.second) == 1) {
      if (c_compatible(f, *candidates.front())) return;
      if (f.flag("template_member")) {
        const auto new_params = params_of(*candidates.front());
        for (size_t i = 0; i < old_params.size() && i < new_params.size(); ++i) {
          if (old_params[i] != new_params[i] && may_be_same_dependent(old_params[i], new_params[i]))
            return;
        }
      }
      // Every parameter takes what it took (widened, or const added where it points or
      // refers): old calls compile and mean the same; the mangled name changes.
      const bool widened = accepts_old_arguments(old_params, params_of(*candidates.front()));
      emit(rules::cpp::FUNCTION_PROTOTYPE_NO_CHANGE, f, candidates.front(),
           q(name) + " changed its parameters from (" + std::string(f.str("params")) + ") to (" +
               std::string(candidates.front()->str("params")) + ")" +
               (widened ? ": calls still compile, but binaries built against OLD import " +
                              q(f.str("mangled")) + "."
                        : "."),
           widened ? std::vector<std::string>{"ABI"} : std::vector<std::string>{});
      return;
    }
    if (find(news_, "using", name) != nullptr) {
      emit(rules::cpp::SYMBOL_NO_DELETE, f, nullptr,
           q(f.name) + " is no longer declared here; a using-declaration keeps " + q(name) +
               " compiling, but binaries built against OLD import " + q(f.str("mangled")) +
               ", which NEW no longer declares.");
      return;
    }
    if (now_implicit(f) || (f.flag("inline") && new_function_templates_.contains(name))) {
      // A copy/move member or destructor the class now gets implicitly, or a function a
      // template of the same name replaced: calls still compile; inline, old binaries import
      // nothing.
      if (f.flag("inline") || f.flag("defaulted")) return;
      emit(rules::cpp::SYMBOL_NO_DELETE, f, nullptr,
           q(f.name) + " is no longer declared (calls still compile through " +
               (now_implicit(f) ? "the implicit member" : "the template of that name") +
               "), but binaries built against OLD import " + q(f.str("mangled")) + ".",
           {"ABI"});
      return;
    }
    if (const std::optional<std::string> through = inherited_in_new(f)) {
      // Calls still compile through the base; a function that was inline left nothing for
      // old binaries to import.
      if (f.flag("inline")) return;
      emit(rules::cpp::SYMBOL_NO_DELETE, f, nullptr,
           q(f.name) + " is now inherited from " + q(*through) +
               ": calls still compile, but binaries built against OLD import " +
               q(f.str("mangled")) + ", which NEW no longer declares.",
           {"ABI"});
      return;
    }
    emit(rules::cpp::SYMBOL_NO_DELETE, f, nullptr, q(f.name) + " was removed.");
  }

  // A destructor, copy or move constructor or assignment of OLD whose class, still in NEW,
  // now has it implicitly (its "specials": default construct, copy construct, copy assign,
  // 'y' when available): uses still compile (a move falls back to the copy).
  bool now_implicit(const Entity& f) const {
    const std::string_view record = f.str("record");
    const Entity* now = find(news_, "record", record);
    if (now == nullptr) return false;
    const std::string_view specials = now->str("specials");
    const std::string_view own = record.substr(record.rfind("::") == std::string_view::npos
                                                   ? 0
                                                   : record.rfind("::") + 2);
    const std::string_view callable = f.str("callable");
    const std::string_view params = f.str("params");
    const std::string self = std::string(record);
    const bool copy_or_move = params == "const " + self + " &" || params == self + " &&" ||
                              params == self + " &";
    if (callable.ends_with("::~" + std::string(own))) return true;  // always declared implicitly
    if (specials.size() != 3) return false;
    if (callable.ends_with("::" + std::string(own)) && copy_or_move) return specials[1] == 'y';
    if (callable.ends_with("::operator=") && copy_or_move) return specials[2] == 'y';
    return false;
  }

  // A member function of OLD that its class, still there in NEW, now gets from a public base:
  // the base's function of the same name, parameters and qualifiers (a constructor: the base's
  // constructor, with `using Base::Base;` in the class; a base outside the headers, such as
  // std::runtime_error, is taken to have it). The base's name, or nothing.
  std::optional<std::string> inherited_in_new(const Entity& f) const {
    const std::string_view record = f.str("record");
    const Entity* now = find(news_, "record", record);
    if (now == nullptr || !f.key.starts_with(std::string(record) + "::")) return std::nullopt;
    const std::string member = f.key.substr(record.size() + 2);  // "twice() const"
    const std::string own = std::string(record.substr(record.rfind("::") == std::string_view::npos
                                                          ? 0
                                                          : record.rfind("::") + 2));
    const bool constructor = member.starts_with(own + "(");
    if (constructor) {
      const auto used = split(now->str("public_using"));
      if (std::find(used.begin(), used.end(), own) == used.end()) return std::nullopt;
    }
    std::vector<const Entity*> todo = {now};
    for (size_t depth = 0; depth < 8 && !todo.empty(); ++depth) {
      std::vector<const Entity*> next;
      for (const Entity* r : todo) {
        for (const Entity& b : r->children) {
          if (b.kind != "base" || b.str("access") != "public") continue;
          const std::string base_own = b.key.substr(b.key.rfind("::") == std::string::npos
                                                        ? 0
                                                        : b.key.rfind("::") + 2);
          const std::string wanted =
              b.key + "::" + (constructor ? base_own + member.substr(own.size()) : member);
          if (const Entity* g = find(news_, "function", wanted);
              g != nullptr && g->str("access", "public") == "public" && !g->flag("deleted")) {
            return b.key;
          }
          if (constructor) {
            // Only a direct base's constructors are inherited; one the headers do not define
            // (the standard library's) cannot be looked into.
            if (find(news_, "record", b.key) == nullptr) return b.key;
            continue;
          }
          if (const Entity* base = find(news_, "record", b.key)) next.push_back(base);
        }
      }
      todo = std::move(next);
    }
    return std::nullopt;
  }

  void variable(const Entity& v, const Entity* now) {
    if (now == nullptr) {
      // An unnamed enum's enumerator now in a named unscoped enum of the same scope (or a
      // constant now an enumerator): the name still compiles, with its value.
      const std::optional<std::string> same_name = constant_in_new(v.key);
      if (same_name && *same_name == v.str("value")) return;
      emit(rules::cpp::SYMBOL_NO_DELETE, v, nullptr, q(v.name) + " was removed.");
      return;
    }
    // `extern const char kName[]` completed as `[6]` is the same variable.
    const bool completed =
        v.str("type").ends_with("[]") &&
        now->str("type").starts_with(v.str("type").substr(0, v.str("type").size() - 1));
    if (v.str("type") != now->str("type") && !completed) {
      // Widened (`int` -> `long`): reads and writes still compile and mean the same.
      emit(rules::cpp::VARIABLE_TYPE_NO_CHANGE, v, now,
           q(v.name) + " changed type from " + q(v.str("type")) + " to " + q(now->str("type")) +
               ": binaries built against OLD read and write it as " + q(v.str("type")) + ".",
           widens(v.str("type"), now->str("type")) ? std::vector<std::string>{"ABI"}
                                                   : std::vector<std::string>{});
    } else if (v.str("inline_ns") != now->str("inline_ns") && !v.has("renamed_from")) {
      moved_namespaces_.emplace(
          std::pair{std::string(v.str("inline_ns")), std::string(now->str("inline_ns"))},
          std::pair{&v, now});
    }
    if (v.has("value") && now->has("value") && v.str("value") != now->str("value")) {
      const std::string change = q(v.name) + " changed from " + std::string(v.str("value")) +
                                 " to " + std::string(now->str("value"));
      if (names_a_version(v.name)) {
        emit(rules::cpp::VERSION_CHANGED, v, now, change + " (a version number).");
      } else {
        emit(rules::cpp::CONSTANT_NO_CHANGE, v, now,
             change + "; clients built against OLD keep the old value.", {"ABI"});
      }
    }
  }

  // What a macro finally stands for, other macros replaced (`API` -> `VISIBLE` ->
  // `__attribute__(...)`).
  static std::string_view expansion(const Entity& m) {
    return m.has("expansion") ? m.str("expansion") : m.str("value");
  }

  // GCC reads `__visibility__` and `visibility` as the same attribute: compared without the
  // underscores that wrap a word.
  static std::string attribute_words(std::string_view v) {
    std::string out;
    size_t i = 0;
    while (i < v.size()) {
      const size_t end = std::min(v.find(' ', i), v.size());
      std::string_view token = v.substr(i, end - i);
      if (token.size() > 4 && token.starts_with("__") && token.ends_with("__"))
        token = token.substr(2, token.size() - 4);
      out += token;
      out += ' ';
      i = end + 1;
    }
    return out;
  }

  // `#define LIB_BEGIN_NAMESPACE namespace lib { inline namespace v2 {`, its closing `} }`,
  // `#define BEGIN_C extern "C" {`: what they open is compared through the declarations inside
  // (INLINE_NAMESPACE_NO_CHANGE, mangled names), not again as a macro's value.
  static bool opens_scope(const Entity& m) {
    const std::string_view v = expansion(m);
    if (v.starts_with("extern \"C")) return true;
    bool only_braces = !v.empty();
    size_t i = 0;
    while (i < v.size()) {
      const size_t end = std::min(v.find(' ', i), v.size());
      const std::string_view token = v.substr(i, end - i);
      if (token == "namespace") return true;
      only_braces = only_braces && (token == "{" || token == "}" || token == ";");
      i = end + 1;
    }
    return only_braces;
  }

  void macro(const Entity& m, const Entity* now) {
    if (now == nullptr) {
      // `#define FLAG 4` replaced by `enum { FLAG = 4 };` or `constexpr int FLAG = 4;`: every
      // use of the name still compiles and means the same.
      const std::optional<std::string> same_name = constant_in_new(m.key);
      if (same_name && *same_name == number_of(m.str("value"))) return;
      if (same_name) {
        // Sources naming it still compile, with another value: binaries keep the old one.
        emit(rules::cpp::CONSTANT_NO_CHANGE, m, nullptr,
             "Macro " + q(m.name) + " (" + std::string(number_of(m.str("value"))) +
                 ") is now a constant of value " + *same_name +
                 "; clients built against OLD keep the old value.",
             {"ABI"});
        return;
      }
      emit(rules::cpp::CONSTANT_NO_CHANGE, m, nullptr, "Macro " + q(m.name) + " was removed.",
           {"API"});  // no symbol: only sources that name it break
    } else if (m.str("value") != now->str("value") &&
               attribute_words(expansion(m)) != attribute_words(expansion(*now)) &&
               !opens_scope(m) && !opens_scope(*now)) {
      // As written, with the value when the spelling does not show it (`(4 * 16)` (= 64)) and
      // the type when the two sides' types differ (`16` (int) and `16u` (unsigned int)).
      const auto split_value = [](const Entity& e) {
        const std::string_view value = e.str("value");  // "16 (unsigned int)"
        const size_t open = value.find(" (");
        if (!e.has("spelling") || open == std::string_view::npos)
          return std::pair{value, std::string_view()};
        return std::pair{value.substr(0, open), value.substr(open + 2, value.size() - open - 3)};
      };
      const bool types_differ = split_value(m).second != split_value(*now).second;
      const auto shown = [&](const Entity& e) {
        const auto [number, type] = split_value(e);
        const std::string_view spelled = e.has("spelling") ? e.str("spelling") : e.str("value");
        std::string extra;
        if (number != spelled) extra = "= " + std::string(number);
        if (types_differ && !type.empty()) extra += (extra.empty() ? "" : ", ") + std::string(type);
        return q(spelled) + (extra.empty() ? "" : " (" + extra + ")");
      };
      if (names_a_version(m.name)) {
        emit(rules::cpp::VERSION_CHANGED, m, now,
             "Macro " + q(m.name) + " changed from " + shown(m) + " to " + shown(*now) +
                 " (a version number).");
        return;
      }
      emit(rules::cpp::CONSTANT_NO_CHANGE, m, now,
           "Macro " + q(m.name) + " changed from " + shown(m) + " to " + shown(*now) +
               "; clients built against OLD keep the old value.",
           {"ABI"});
    }
  }

  // A type gone under its kind may live on under another: `struct Options` replaced by
  // `using Options = Settings;` keeps sources compiling (the layout is compared with the
  // alias's target).
  void removed_type(const Entity& t) {
    if (const Entity* alias = find(news_, "typedef", t.key); alias != nullptr) {
      // A record replaced by an alias of another record: compared with that record in full.
      if (t.kind == "record") {
        if (const Entity* target = find(news_, "record", alias->str("target"))) {
          record(t, target);
          return;
        }
      }
      if (t.kind == "enum") {
        if (const Entity* target = find(news_, "enum", alias->str("target"))) {
          enumeration(t, target);
          return;
        }
      }
    }
    // A record replaced by an alias of a class that is not modelled (a template
    // instantiation): the name still names a class; its layout cannot be compared here.
    if (t.kind == "record") {
      if (const Entity* alias = find(news_, "typedef", t.key);
          alias != nullptr && alias->flag("target_record") &&
          find(news_, "record", alias->str("target")) == nullptr)
        return;
    }
    // An alias replaced by the type it named, or a name kept by a using-declaration.
    if ((t.kind == "typedef" && find(news_, "record", t.key) != nullptr &&
         find(olds_, "record", t.str("target")) != nullptr) ||
        find(news_, "using", t.key) != nullptr)
      return;
    emit(rules::cpp::TYPE_DECL_NO_DELETE, t, nullptr, q(t.name) + " was removed.");
  }

  void alias(const Entity& t, const Entity* now) {
    if (now == nullptr) {
      removed_type(t);
    } else if (t.str("target") != now->str("target")) {
      // Widened (`int` -> `long`): code using the alias compiles and means the same; the mangled
      // names and layouts that spell it change.
      emit(rules::cpp::TYPEDEF_NO_CHANGE, t, now,
           q(t.name) + " now names " + q(now->str("target")) + " instead of " + q(t.str("target")) +
               ".",
           widens(t.str("target"), now->str("target")) ? std::vector<std::string>{"ABI"}
                                                       : std::vector<std::string>{});
    }
  }

  void enumeration(const Entity& e, const Entity* now) {
    if (now == nullptr) {
      removed_type(e);
      return;
    }
    if (!e.flag("scoped") && now->flag("scoped")) {
      emit(rules::cpp::ENUM_SCOPE_NO_CHANGE, e, now,
           q(e.name) +
               " became a scoped enum (enum class): its enumerators leave the enclosing "
               "scope and no longer convert to integers.");
    }
    if (e.str("underlying") != now->str("underlying")) {
      emit(rules::cpp::ENUM_UNDERLYING_NO_CHANGE, e, now,
           q(e.name) + " is now stored as " + q(now->str("underlying")) + " instead of " +
               q(e.str("underlying")) + ".");
    }
    const ChildIndex now_children(*now);
    for (const Entity& k : e.children) {
      const Entity* it = now_children.find(k.kind, k.key);
      if (it == nullptr) {
        emit(rules::cpp::ENUM_VALUE_NO_CHANGE, k, now, "Enumerator " + q(k.name) + " was removed.");
      } else if (k.num("value") != it->num("value")) {
        emit(rules::cpp::ENUM_VALUE_NO_CHANGE, k, it,
             "Enumerator " + q(k.name) + " changed from " + std::to_string(k.num("value")) +
                 " to " + std::to_string(it->num("value")) +
                 "; clients built against OLD use the old value.",
             {"ABI"});  // sources still compile, and mean the new value
      }
    }
  }

  void record(const Entity& r, const Entity* now) {
    if (now == nullptr) {
      // A class template's definition: the template itself reports its removal.
      if (!(r.flag("template_member") && find(olds_, "template", r.key) != nullptr)) {
        removed_type(r);
      }
      return;
    }
    if (!opaque(r)) layout(r, *now);
    if (!r.flag("final") && now->flag("final")) {
      emit(rules::cpp::FINAL_NO_ADD, r, now,
           q(r.name) + " became final: client classes derived from it no longer compile.");
    }
    special_members(r, *now);
    // Fields seen by clients.
    const ChildIndex now_children(*now);
    for (const Entity& f : r.children) {
      if (f.kind != "field" || !visible(f)) continue;
      const Entity* g = now_children.find("field", f.key);
      if (g == nullptr) {
        emit(rules::cpp::DATA_MEMBER_NO_DELETE, f, now, "Field " + q(f.name) + " was removed.");
      } else if (access_rank(g->str("access")) > access_rank(f.str("access"))) {
        emit(rules::cpp::ACCESS_NO_NARROW, f, g,
             "Field " + q(f.name) + " went from " + std::string(f.str("access")) + " to " +
                 std::string(g->str("access")) + ".");
      }
    }
    aggregate_fields(r, *now);
    virtuals(r, *now);
    if (r.has("call_in_memory") && now->has("call_in_memory") &&
        r.flag("call_in_memory") != now->flag("call_in_memory")) {
      emit(rules::cpp::CALLING_CONVENTION_NO_CHANGE, r, now,
           q(r.name) + (now->flag("call_in_memory")
                            ? " is no longer trivial for calls (a copy/move constructor or "
                              "destructor that is user-provided, deleted copies, a virtual, or a "
                              "field or base that is not trivial for calls): it is now passed and "
                              "returned through memory, not registers."
                            : " is now trivial for calls: it is passed and returned in "
                              "registers where OLD used memory."));
    }
    bases(r, *now);
  }

  // An aggregate of OLD (no constructor declared, every field public, no virtual function, no
  // virtual or non-public base) is initialised by position: `Point{1, 2}`, `{.x = 1, .y = 2}`.
  // Its fields reordered, or one inserted before the last, change what such code means or stop
  // it compiling; fields appended at the end do not (a removed one is DATA_MEMBER_NO_DELETE).
  bool aggregate(const Entity& r) const {
    if (r.str("tag") == "union" || !r.str("virtuals").empty()) return false;
    for (const Entity& c : r.children) {
      if (c.kind == "field" && c.str("access", "public") != "public") return false;
      if (c.kind == "base" && (c.flag("virtual") || c.str("access") != "public")) return false;
    }
    const std::string_view own = std::string_view(r.key).substr(r.key.rfind("::") + 2);
    const auto members = old_members_.equal_range(r.key);
    for (auto it = members.first; it != members.second; ++it) {
      const std::string_view callable = it->second->str("callable");
      if (callable.ends_with("::" + std::string(own)) && !it->second->flag("deleted")) return false;
    }
    return true;
  }

  void aggregate_fields(const Entity& r, const Entity& now) {
    if (!aggregate(r)) return;
    std::vector<std::string_view> before, after;
    for (const Entity& c : r.children) if (c.kind == "field") before.push_back(c.key);
    for (const Entity& c : now.children) if (c.kind == "field") after.push_back(c.key);
    for (std::string_view f : before) {
      if (std::find(after.begin(), after.end(), f) == after.end()) return;  // a removal
    }
    if (after.size() >= before.size() && std::equal(before.begin(), before.end(), after.begin())) {
      return;  // the same, or fields appended
    }
    const auto listed = [](const std::vector<std::string_view>& fields) {
      std::string out;
      for (std::string_view f : fields) out += (out.empty() ? "" : ", ") + std::string(f);
      return out;
    };
    emit(rules::cpp::AGGREGATE_FIELD_ORDER_NO_CHANGE, r, &now,
         q(r.name) + " is initialised by position, and its fields went from (" + listed(before) +
             ") to (" + listed(after) + "): `" + std::string(r.name) +
             "{...}` written for OLD now fills other fields, or no longer compiles.");
  }

  static const Entity* child(const Entity& e, std::string_view kind, std::string_view key) {
    for (const Entity& c : e.children) {
      if (c.kind == kind && c.key == key) return &c;
    }
    return nullptr;
  }

  void layout(const Entity& r, const Entity& now) {
    if (!r.has("size") || !now.has("size")) return;  // opaque on a side: used through pointers
    if (r.num("size") != now.num("size") || r.num("align") != now.num("align")) {
      emit(rules::cpp::RECORD_LAYOUT_NO_CHANGE, r, &now,
           q(r.name) + " changed size from " + std::to_string(r.num("size")) + " to " +
               std::to_string(now.num("size")) + " bytes" +
               (r.num("align") != now.num("align")
                    ? " and alignment from " + std::to_string(r.num("align")) + " to " +
                          std::to_string(now.num("align"))
                    : std::string()) +
               ": code built against OLD allocates, copies and embeds it with the old size.");
      return;
    }
    const ChildIndex now_children(now);
    for (const Entity& f : r.children) {
      if (f.kind != "field") continue;
      const Entity* g = now_children.find("field", f.key);
      if (g == nullptr) continue;
      // A private field whose type only gained or lost a top-level const (`Rep*` ->
      // `Rep* const`) is stored the same: clients cannot name it, and inline code reads it as
      // the same bits.
      const bool same_bits =
          !visible(f) && top_level_unqualified(f.str("type")) == top_level_unqualified(g->str("type"));
      // Compared with the default template arguments clang leaves out spelled in
      // (`specs<>` is `specs<char>` once `char` became the default).
      const bool same_type =
          f.str("type_in_full", f.str("type")) == g->str("type_in_full", g->str("type"));
      if (f.num("offset", -1) != g->num("offset", -1) || (!same_type && !same_bits)) {
        emit(rules::cpp::RECORD_LAYOUT_NO_CHANGE, f, g,
             "Field " + q(f.name) +
                 (f.str("type") != g->str("type")
                      ? " changed type from " + q(f.str("type")) + " to " + q(g->str("type")) +
                            ": code built against OLD reads and writes it as " + q(f.str("type")) +
                            "."
                      : " moved from bit offset " + std::to_string(f.num("offset")) + " to " +
                            std::to_string(g->num("offset")) +
                            ": code built against OLD reads and writes it at the old place."));
        return;
      }
    }
  }

  void virtuals(const Entity& r, const Entity& now) {
    const auto before = split(r.str("virtuals"));
    const auto after = split(now.str("virtuals"));
    if (before == after) return;
    if (before.empty() || after.empty()) {
      emit(rules::cpp::VIRTUAL_NO_CHANGE, r, &now,
           q(r.name) +
               (before.empty() ? " gained its first virtual function"
                               : " lost its last virtual function") +
               ": objects " + (before.empty() ? "gain" : "lose") +
               " a vtable pointer and every field moves.");
      return;
    }
    const bool appended =
        after.size() > before.size() && std::equal(before.begin(), before.end(), after.begin());
    if (appended && now.flag("final")) return;
    size_t i = 0;
    while (i < before.size() && i < after.size() && before[i] == after[i]) ++i;
    const auto absent = [](const std::vector<std::string_view>& list, std::string_view v) {
      return std::find(list.begin(), list.end(), v) == list.end();
    };
    std::string what;
    if (appended) {
      what = "virtual " + q(after[before.size()]) + " was appended";
    } else if (i < after.size() && absent(before, after[i])) {
      what = "virtual " + q(after[i]) + " was inserted at slot " + std::to_string(i);
    } else if (i < before.size() && absent(after, before[i])) {
      what = "virtual " + q(before[i]) + " was removed from slot " + std::to_string(i);
    } else {
      what = "the virtual functions changed order from slot " + std::to_string(i);
    }
    emit(rules::cpp::VIRTUAL_NO_CHANGE, r, &now,
         q(r.name) + ": " + what + "; code built against OLD calls through the old vtable slots" +
             (appended ? " and classes derived from it in client code have no such slot." : "."));
  }

  void bases(const Entity& r, const Entity& now) {
    std::string before, after;
    for (const Entity* e : {&r, &now}) {
      std::string& list = e == &r ? before : after;
      for (const Entity& b : e->children) {
        if (b.kind != "base") continue;
        list += (list.empty() ? "" : ", ") + std::string(b.str("access")) +
                (b.flag("virtual") ? " virtual " : " ") + b.key;
      }
    }
    if (before == after) return;
    // Bases appended after the old ones: sources still compile (conversions to the old bases
    // remain), but the layout and the vtables of old binaries no longer match.
    const bool appended = after.starts_with(before) &&
                          (before.empty() || after.substr(before.size()).starts_with(", "));
    emit(rules::cpp::BASE_NO_CHANGE, r, &now,
         q(r.name) + " changed its bases from (" + (before.empty() ? "none" : before) + ") to (" +
             (after.empty() ? "none" : after) + ").",
         appended ? std::vector<std::string>{"ABI"} : std::vector<std::string>{});
  }

  void noexcept_change(const Entity& f, const Entity& now) {
    std::string_view before = f.str("noexcept"), after = now.str("noexcept");
    // Destructors and defaulted members without a written specification get one computed from
    // their members (normally noexcept), which libclang does not report: unwritten counts as
    // noexcept there, and only an explicit noexcept(false) changes it.
    if (f.str("callable").find("::~") != std::string_view::npos || f.flag("defaulted") ||
        now.flag("defaulted")) {
      if (before.empty()) before = "yes";
      if (after.empty()) after = "yes";
    }
    if (before == after) return;
    const bool lost = after.empty() || after == "no";
    if (before == "yes" && lost) {
      emit(rules::cpp::NOEXCEPT_NO_CHANGE, f, &now,
           q(f.name) +
               " is no longer noexcept: clients that take it as a noexcept function "
               "pointer or test noexcept(...) on calls to it no longer compile or change "
               "behaviour, and binaries built against OLD may have no unwinding around its "
               "calls, so an exception it now throws terminates them.",
           {"ABI"});  // address-taking and noexcept(...) probes are not counted as source use
    } else if ((before.empty() || before == "no") && after == "yes" && f.flag("virtual")) {
      emit(rules::cpp::NOEXCEPT_NO_CHANGE, f, &now,
           q(f.name) + " became noexcept: client overrides without noexcept no longer compile.",
           {"API"});
    } else if (before != "yes" && after != "yes" && !before.empty() && before != "no" && !lost &&
               f.flag("virtual")) {
      emit(rules::cpp::NOEXCEPT_NO_CHANGE, f, &now,
           q(f.name) + " changed its exception specification from " + q(before) + " to " +
               q(after) + ".");
    }
  }

  void default_arguments(const Entity& f, const Entity& now) {
    const auto before = split(f.str("default_values"));
    const auto after = split(now.str("default_values"));
    const auto params = params_of(f);
    for (size_t i = 0; i < before.size(); ++i) {
      if (before[i].empty()) continue;
      const std::string_view then = i < after.size() ? after[i] : std::string_view();
      if (then == before[i]) continue;
      const std::string which = "parameter " + std::to_string(i + 1) +
                                (i < params.size() ? " (" + std::string(params[i]) + ")" : "");
      if (then.empty()) {
        // An overload taking the parameters before it keeps the shorter calls compiling.
        if (has_overload(now.str("callable"), params, i, quals_of(f))) continue;
        emit(rules::cpp::DEFAULT_ARGUMENT_NO_CHANGE, f, &now,
             q(f.name) + ": " + which + " lost its default argument " + q(before[i]) +
                 "; calls that leave it out no longer compile.",
             {"API"});  // old binaries pass it explicitly
      } else {
        emit(rules::cpp::DEFAULT_ARGUMENT_NO_CHANGE, f, &now,
             q(f.name) + ": the default of " + which + " changed from " + q(before[i]) + " to " +
                 q(then) + "; binaries built against OLD keep passing " + q(before[i]) + ".",
             {"ABI"});  // sources compile and mean the new default
      }
    }
  }

  // Whether NEW has a visible overload of `callable` taking exactly the first `count` of
  // `params` (defaults after them allowed).
  bool has_overload(std::string_view callable, const std::vector<std::string_view>& params,
                    size_t count, std::string_view quals) const {
    const auto news = new_overloads_.equal_range(callable);
    for (auto it = news.first; it != news.second; ++it) {
      const auto p = params_of(*it->second);
      if (!visible(*it->second) || quals_of(*it->second) != quals) continue;
      const size_t required = p.size() - static_cast<size_t>(it->second->num("defaults"));
      if (required <= count && p.size() >= count &&
          std::equal(params.begin(), params.begin() + static_cast<std::ptrdiff_t>(count),
                     p.begin()))
        return true;
    }
    return false;
  }

  // A NEW function with no OLD counterpart: a pure virtual added to an existing class, or an
  // overload that makes existing calls ambiguous.
  void added_function(const Entity& g) {
    if (!visible(g)) return;
    if (const Entity* rec = find(olds_, "record", g.str("record"));
        rec != nullptr && g.flag("pure")) {
      emit(rules::cpp::PURE_VIRTUAL_NO_ADD, *rec, &g,
           "Pure virtual " + q(g.name) + " was added: client classes derived from " +
               q(g.str("record")) + " do not override it and can no longer be instantiated.");
    }
    // A function template of the name takes part in overload resolution too: not modelled.
    if (old_function_templates_.contains(g.str("callable"))) return;
    const auto olds = old_overloads_.equal_range(g.str("callable"));
    const auto new_params = params_of(g);
    const Entity* only = nullptr;
    for (auto it = olds.first; it != olds.second; ++it) {
      const Entity& o = *it->second;
      const size_t size = params_of(o).size();
      const size_t required = size - std::min(size, static_cast<size_t>(o.num("defaults")));
      if (!visible(o) || required > new_params.size() || size < new_params.size()) continue;
      if (only != nullptr || size != new_params.size())
        return;  // OLD had another candidate for this many arguments
      only = &o;
    }
    if (only == nullptr || find(news_, "function", only->key) == nullptr ||
        quals_of(*only) != quals_of(g) || only->flag("static") != g.flag("static") ||
        new_params.empty())
      return;
    if (only->str("params").find("...") != std::string_view::npos) return;
    const auto old_params = params_of(*only);
    size_t differ = old_params.size();
    for (size_t i = 0; i < old_params.size(); ++i) {
      if (old_params[i] == new_params[i]) continue;
      if (differ != old_params.size()) return;  // more than one position differs
      differ = i;
    }
    if (differ == old_params.size()) return;
    const std::string_view a = old_params[differ], b = new_params[differ];
    std::string argument;
    if (arithmetic(a) && arithmetic(b)) {
      // A type that converts to both (no promotion or exact match to either).
      for (std::string_view c : {"double", "unsigned long long", "long double", "long long"}) {
        if (c != a && c != b) {
          argument = "a `" + std::string(c) + "`";
          break;
        }
      }
    } else if (a.ends_with("*") && b.ends_with("*")) {
      argument = "`nullptr` or `0`";
    } else if (a.ends_with("*") && (b == "std::nullptr_t" || b == "nullptr_t")) {
      // `Widget(std::nullptr_t) = delete;` beside `Widget(const char*)`: an exact match for
      // `nullptr`, so calls that passed it now pick the new overload.
      emit(rules::cpp::OVERLOAD_NO_AMBIGUITY, *only, &g,
           "The new overload " + q(g.name) + " takes `nullptr` in parameter " +
               std::to_string(differ + 1) + ", where " + q(only->name) + " took it as " + q(a) +
               ": a call passing `nullptr` there now selects the new overload" +
               (g.flag("deleted") ? ", which is deleted, and no longer compiles." : "."));
      return;
    } else {
      return;
    }
    emit(rules::cpp::OVERLOAD_NO_AMBIGUITY, *only, &g,
         "The new overload " + q(g.name) + " differs from " + q(only->name) +
             " only in parameter " + std::to_string(differ + 1) + " (" + q(b) + " vs " + q(a) +
             "): a call passing " + argument +
             " there, which converted to the old one, is now ambiguous.");
  }

  static bool arithmetic(std::string_view t) {
    for (std::string_view n :
         {"bool", "char", "signed char", "unsigned char", "short", "unsigned short", "int",
          "unsigned int", "long", "unsigned long", "long long", "unsigned long long", "float",
          "double", "long double", "wchar_t", "char16_t", "char32_t", "char8_t"}) {
      if (t == n) return true;
    }
    return false;
  }

  // One finding per move into, out of or between inline namespaces, instead of one removed
  // symbol per declaration.
  void inline_namespaces() {
    for (auto it = moved_namespaces_.begin(); it != moved_namespaces_.end();) {
      const auto& [from, to] = it->first;
      const auto range = moved_namespaces_.equal_range(it->first);
      const auto count = std::distance(range.first, range.second);
      const auto& [old_e, new_e] = range.first->second;
      const auto name = [](const std::string& ns) {
        return ns.empty() ? std::string("no inline namespace") : "inline namespace " + q(ns);
      };
      emit(rules::cpp::INLINE_NAMESPACE_NO_CHANGE, *old_e, new_e,
           std::to_string(count) + " exported declaration" + (count > 1 ? "s" : "") +
               " moved from " + name(from) + " to " + name(to) + " (" + q(old_e->name) +
               (count > 1 ? " and others" : "") +
               "): sources compile as before, but every "
               "mangled name changes (" +
               q(old_e->str("mangled")) + " is now " + q(new_e->str("mangled")) +
               "), so binaries built against OLD fail to load.");
      it = range.second;
    }
  }

  void templates(const Entity& t, const Entity* now) {
    if (now == nullptr && t.flag("function")) {
      function_template_gone(t);
    } else if (now == nullptr) {
      removed_type(t);
    } else {
      template_parameters(t, *now);
    }
  }

  // A function template is instantiated in each client's own code: its changes are judged as
  // source only (no old binary imports an instantiation from the library).
  void template_parameters(const Entity& t, const Entity& now) {
    const bool function = t.flag("function");
    const auto before = split(t.str("params")), after = split(now.str("params"));
    // A function template's arguments are mostly deduced: what calls that name them
    // (`f<int>(...)`) see is each parameter's kind (type, value, template, pack), not a value
    // parameter's type, which is often an enable_if condition (`FMT_ENABLE_IF(...)`).
    const auto kind = [function](std::string_view p) {
      p = p.substr(0, p.find('='));
      if (!function) return std::string(p);
      std::string word(p.substr(0, p.find(' ')));
      if (p.ends_with("...") && !word.ends_with("...")) word += "...";
      return word;
    };
    const auto default_of = [](std::string_view p) {
      const size_t eq = p.find('=');
      return eq == std::string_view::npos ? std::string_view() : p.substr(eq + 1);
    };
    for (size_t i = 0; i < std::max(before.size(), after.size()); ++i) {
      const std::string n = std::to_string(i + 1);
      std::string what;
      if (i >= after.size()) {
        // A function template's defaulted parameter was never named by calls.
        if (function && !default_of(before[i]).empty()) continue;
        what = "template parameter " + n + " (" + q(kind(before[i])) + ") was removed";
      } else if (i >= before.size()) {
        // Deduced from the call, a function template's new parameter asks nothing of callers.
        if (function || !default_of(after[i]).empty() || kind(after[i]).ends_with("...")) continue;
        what =
            "template parameter " + n + " (" + q(kind(after[i])) + ") was added without a default";
      } else if (kind(before[i]) != kind(after[i])) {
        what = "template parameter " + n + " changed from " + q(kind(before[i])) + " to " +
               q(kind(after[i]));
      } else if (default_of(before[i]) != default_of(after[i]) && !function) {
        what = default_of(after[i]).empty()
                   ? "template parameter " + n + " lost its default " + q(default_of(before[i]))
                   : "the default of template parameter " + n + " changed from " +
                         q(default_of(before[i]).empty() ? "(none)" : default_of(before[i])) +
                         " to " + q(default_of(after[i]));
        if (default_of(before[i]).empty()) continue;  // a default added: old uses still fit
      } else {
        continue;
      }
      emit(rules::cpp::TEMPLATE_PARAMETER_NO_CHANGE, t, &now,
           q(t.name) + ": " + what +
               "; code naming its instantiations as in OLD no longer "
               "compiles or means another type.",
           function ? std::vector<std::string>{"API"} : std::vector<std::string>{});
      return;
    }
  }

  // Whether a function template's parameter of type `n` takes every call argument one of type
  // `o` took: the same or widened, by value <-> by const reference, or a forwarding reference;
  // nullopt when template parameters make it a matter of deduction this model does not run
  // (`const unique_ptr<T> &` -> `const unique_ptr<T, D> &` generalises).
  static std::optional<bool> template_parameter_accepts(std::string_view o, std::string_view n) {
    if (o.ends_with("...") && n.ends_with("...")) {  // packs: judged by their element
      o.remove_suffix(3);
      n.remove_suffix(3);
    }
    if (widens(o, n)) return true;
    const std::string_view bare = o.starts_with("const ") && o.ends_with(" &")
                                      ? o.substr(6, o.size() - 8)
                                      : o.ends_with(" &") ? o.substr(0, o.size() - 2) : o;
    if (n == "const " + std::string(o) + " &" || n == bare) return true;
    const auto forwarding = [](std::string_view t) {
      return t.starts_with("type-parameter-") && t.ends_with(" &&") && !t.starts_with("const ");
    };
    if (forwarding(n)) return true;
    // `T &&` -> `T &`: temporaries no longer bind.
    if (forwarding(o) && n == std::string(o.substr(0, o.size() - 3)) + " &") return false;
    if (o.find("type-parameter-") != std::string_view::npos ||
        n.find("type-parameter-") != std::string_view::npos)
      return std::nullopt;
    return false;
  }

  // Whether a call that fit `old_t`'s parameters can fit `t`'s by their number: a pack takes
  // any, defaulted trailing parameters may be left out.
  static bool arity_fits(const Entity& old_t, const Entity& t) {
    const auto olds = split_params(old_t.str("call_params")), news = split_params(t.str("call_params"));
    const auto pack = [](const std::vector<std::string_view>& ps) {
      return std::any_of(ps.begin(), ps.end(), [](std::string_view p) { return p.ends_with("..."); });
    };
    if (pack(news) || pack(olds)) return true;
    const size_t required = news.size() - std::min<size_t>(news.size(), t.num("defaults"));
    return olds.size() <= news.size() && olds.size() >= required;
  }

  // An OLD function template overload NEW does not declare with the same parameters.
  void function_template_gone(const Entity& t) {
    const std::string_view name = t.str("callable");
    // A member template of a class NEW no longer has: the class's removal says it.
    if (const size_t scope = name.rfind("::"); scope != std::string_view::npos) {
      const std::string_view owner = name.substr(0, scope);
      if (find(olds_, "record", owner) != nullptr && find(news_, "record", owner) == nullptr) return;
    }
    std::vector<const Entity*> added, remaining;
    const auto news = new_function_templates_.equal_range(name);
    for (auto it = news.first; it != news.second; ++it) {
      remaining.push_back(it->second);
      if (find(olds_, "template", it->second->key) == nullptr) added.push_back(it->second);
    }
    size_t gone = 0;
    const auto olds = old_function_templates_.equal_range(name);
    for (auto it = olds.first; it != olds.second; ++it) {
      gone += find(news_, "template", it->second->key) == nullptr;
    }
    if (remaining.empty()) {
      if (new_overloads_.contains(name)) {
        emit(rules::cpp::TYPE_DECL_NO_DELETE, t, nullptr,
             "Function template " + q(t.name) + " was replaced by functions that are not "
             "templates: calls naming template arguments (" + q(std::string(name) + "<...>(...)") +
                 ") and calls with argument types they do not take no longer compile.",
             {"API"});
      } else {
        removed_type(t);
      }
      return;
    }
    if (added.size() == 1 && gone == 1) {
      // One overload changed: its template and function parameters compared.
      const Entity& now = *added.front();
      template_parameters(t, now);
      const auto before = split_params(t.str("call_params"));
      const auto after = split_params(now.str("call_params"));
      std::optional<bool> accepts = arity_fits(t, now);
      for (size_t i = 0; accepts == true && i < std::min(before.size(), after.size()); ++i) {
        accepts = template_parameter_accepts(before[i], after[i]);
      }
      if (accepts == false) {
        emit(rules::cpp::FUNCTION_PROTOTYPE_NO_CHANGE, t, &now,
             q(t.name) + " now takes (" + params_shown(now) + "): calls written for (" +
                 params_shown(t) + ") may no longer compile.",
             {"API"});
      }
      return;
    }
    // Overloads reworked (some added): which one a call now picks is overload resolution's
    // business; only an overload no remaining one can take the calls of is reported.
    if (std::any_of(remaining.begin(), remaining.end(),
                    [&](const Entity* r) { return arity_fits(t, *r); }))
      return;
    // Functions of the name that are not templates may take those calls now.
    const size_t arguments = split_params(t.str("call_params")).size();
    const auto functions = new_overloads_.equal_range(name);
    for (auto it = functions.first; it != functions.second; ++it) {
      const auto ps = params_of(*it->second);
      const size_t required = ps.size() - std::min<size_t>(ps.size(), it->second->num("defaults"));
      const bool variadic = !ps.empty() && ps.back().ends_with("...");
      if (arguments >= required && (arguments <= ps.size() || variadic)) return;
    }
    emit(rules::cpp::TYPE_DECL_NO_DELETE, t, nullptr,
         "Overload " + q(t.name) + " of function template " + q(name) +
             " was removed, and what remains of that name takes another number of arguments: "
             "calls that chose it no longer compile.",
         {"API"});
  }

  // A function template's parameters as written, from its name `f(const T &, int)`.
  static std::string params_shown(const Entity& t) {
    const std::string& n = t.name;
    const size_t open = n.find('(');
    return open == std::string::npos ? "" : n.substr(open + 1, n.rfind(')') - open - 1);
  }

  void special_members(const Entity& r, const Entity& now) {
    const std::string_view before = r.str("specials"), after = now.str("specials");
    const std::string_view declared = now.str("specials_declared");
    if (before.size() != 3 || after.size() != 3 || declared.size() != 3) return;
    static constexpr const char* kWhat[] = {"default constructed", "copy constructed",
                                            "copy assigned"};
    const std::string_view was_declared = r.str("specials_declared");
    for (size_t i = 0; i < 3; ++i) {
      if (i == 0 && (r.flag("abstract") || now.flag("abstract"))) continue;
      if (before[i] != 'y' || after[i] != 'n') continue;
      // Written in OLD: the member's own findings (deleted, removed, narrowed).
      if (was_declared.size() == 3 && was_declared[i] == 'd') continue;
      std::string why;
      if (declared[i] == 'd') {
        why = ": NEW declares it deleted or not public.";
      } else if (i == 0) {
        why = was_declared.size() == 3 && was_declared[i] == 'd'
                  ? ": its default constructor was removed and the other constructors take "
                    "arguments."
                  : ": a constructor was declared and none takes no arguments, so the implicit "
                    "default constructor is gone.";
      } else {
        why =
            ": its implicit copy operation is deleted (a move operation was declared, or a "
            "member or base cannot be copied).";
      }
      emit(rules::cpp::SPECIAL_MEMBER_NO_DELETE, r, &now, q(r.name) + " can no longer be " + kWhat[i] + why);
    }
  }

  // A class clients only hold by pointer: its layout is the library's own business. Nothing
  // public to read or write, no way to create, destroy or embed one, no inline code in the
  // header that would bake offsets in.
  bool opaque(const Entity& r) {
    if (r.flag("abstract")) return false;
    // Implicit constructors would let clients create and copy it (and derive from it).
    const std::string_view specials = r.str("specials");
    if (specials.size() != 3 || specials[0] != 'n' || specials[1] != 'n') return false;
    for (const Entity& f : r.children) {
      if (f.kind == "field" && visible(f)) return false;
    }
    const std::string_view name = r.key;
    const std::string_view last =
        name.substr(name.rfind(':') == std::string_view::npos ? 0 : name.rfind(':') + 1);
    bool destructor_hidden = false;
    const auto members = old_members_.equal_range(name);
    for (auto it = members.first; it != members.second; ++it) {
      const Entity* e = it->second;
      if (e->flag("inline") && !e->flag("deleted")) return false;
      const std::string_view callable = e->str("callable");
      const bool ctor = callable.ends_with(std::string(last) + "::" + std::string(last));
      const bool dtor = callable.ends_with("::~" + std::string(last));
      if (ctor && visible(*e) && !e->flag("deleted")) return false;
      if (dtor) destructor_hidden = !visible(*e) || e->flag("virtual") || e->flag("deleted");
    }
    if (!destructor_hidden) return false;
    return !used_by_value().contains(std::string(name));
  }

  // Records that OLD's declarations hold by value: parameters, returns, fields, variables,
  // bases, alias targets.
  const std::set<std::string>& used_by_value() {
    if (by_value_) return *by_value_;
    by_value_.emplace();
    const auto note = [this](std::string_view type) {
      std::string t(type);
      for (std::string_view cv : {"const ", "volatile "}) {
        while (t.starts_with(cv)) t.erase(0, cv.size());
      }
      if (const size_t bracket = t.find(" ["); bracket != std::string::npos) t.erase(bracket);
      while (t.ends_with(" const") || t.ends_with(" volatile")) t.erase(t.rfind(' '));
      if (t.find('*') == std::string::npos && t.find('&') == std::string::npos)
        by_value_->insert(t);
    };
    for (const Entity& root : old_.roots) {
      for (const Entity& e : root.children) {
        if (e.kind == "function") {
          for (std::string_view p : params_of(e)) note(p);
          note(e.str("return"));
        } else if (e.kind == "variable") {
          note(e.str("type"));
        } else if (e.kind == "typedef") {
          note(e.str("target"));
        } else if (e.kind == "record") {
          for (const Entity& c : e.children) {
            if (c.kind == "field") note(c.str("type"));
            if (c.kind == "base") note(c.key);
          }
        }
      }
    }
    return *by_value_;
  }

  const Schema& old_;
  const Schema& new_;
  const detail::RuleSelection& on_;
  detail::Emitter& out_;
  Index olds_, news_;
  std::multimap<std::string_view, const Entity*> old_overloads_, new_overloads_;
  // Function templates by name: each overload is an entity keyed with its parameters.
  std::multimap<std::string_view, const Entity*> old_function_templates_, new_function_templates_;
  std::multimap<std::string_view, const Entity*> old_members_;  // record -> its functions
  // (OLD inline namespaces, NEW inline namespaces) -> the declarations that moved.
  std::multimap<std::pair<std::string, std::string>, std::pair<const Entity*, const Entity*>>
      moved_namespaces_;
  std::optional<std::set<std::string>> by_value_;
  std::optional<std::map<std::string, std::string, std::less<>>> unscoped_enumerators_;
};

}  // namespace

void compare(const Schema& old_schema, const Schema& new_schema, const detail::RuleSelection& on,
             detail::Emitter& out) {
  const Renames renames = renamed_namespaces(old_schema, new_schema);
  if (renames.empty()) {
    Checker(old_schema, new_schema, on, out).run();
    return;
  }
  // OLD spelled the NEW way, so each declaration meets its counterpart.
  const Schema moved = with_renames(old_schema, renames);
  Checker checker(moved, new_schema, on, out);
  checker.namespace_renames(renames);
  checker.run();
}

}  // namespace breakwater::cpp
