#include "formats/cpp/checks.hpp"

#include <algorithm>
#include <map>
#include <string>
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

std::multimap<std::string_view, const Entity*> overloads_of(const Schema& s) {
  std::multimap<std::string_view, const Entity*> out;
  for (const Entity& root : s.roots) {
    for (const Entity& e : root.children) {
      if (e.kind == "function") out.emplace(e.str("callable"), &e);
    }
  }
  return out;
}

std::string q(std::string_view s) {
  return "`" + std::string(s) + "`";
}

int access_rank(std::string_view a) {
  return a == "private" ? 2 : a == "protected" ? 1 : 0;
}

// Visible to clients: free functions, public and protected members.
bool visible(const Entity& e) {
  return access_rank(e.str("access", "public")) < 2;
}

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

std::vector<std::string_view> params_of(const Entity& f) {
  std::vector<std::string_view> out;
  const std::string_view p = f.str("params");
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

// The qualifiers after the parameter list (" const &").
std::string_view quals_of(const Entity& f) {
  const std::string_view key = f.key;
  return key.substr(key.rfind(')') + 1);
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
        new_overloads_(overloads_of(n)) {}

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
        if (now == nullptr) removed_type(*e);
      } else if (e->kind == "macro") {
        macro(*e, now);
      }
    }
  }

 private:
  static const Entity* find(const Index& idx, std::string_view kind, std::string_view key) {
    const auto it = idx.find({kind, key});
    return it == idx.end() ? nullptr : it->second;
  }

  void emit(const char* rule, const Entity& old_e, const Entity* new_e, std::string message) {
    if (!on_.on(rule)) return;
    SourceRef at = new_e != nullptr ? new_e->loc : anchor(old_e);
    out_.emit(rule, new_e != nullptr ? new_e->name : old_e.name, std::move(message), at, old_e.loc);
  }

  // Where a removed declaration would be in NEW: its record, else the file of the same name.
  SourceRef anchor(const Entity& old_e) const {
    if (const Attr* r = old_e.find("record")) {
      if (const Entity* rec = find(news_, "record", std::get<std::string>(r->value)))
        return rec->loc;
    }
    const std::string& old_file = old_.files[old_e.loc.file];
    const std::string rel = relative(old_file, old_.root);
    for (uint32_t i = 1; i < new_.files.size(); ++i) {
      if (relative(new_.files[i], new_.root) == rel) return SourceRef{i, 0, 0};
    }
    return {};
  }

  static std::string relative(const std::string& file, const std::string& root) {
    std::string r = root;
    while (!r.empty() && r.back() == '/') r.pop_back();
    if (!r.empty() && file.starts_with(r + "/")) return file.substr(r.size() + 1);
    return file;
  }

  void function(const Entity& f, const Entity* now) {
    if (!visible(f) && !f.flag("virtual")) return;
    if (now == nullptr) {
      function_gone(f);
      return;
    }
    const std::string_view name = f.str("callable");
    if (f.str("return") != now->str("return")) {
      emit("FUNCTION_PROTOTYPE_NO_CHANGE", f, now,
           q(name) + " now returns " + q(now->str("return")) + " instead of " + q(f.str("return")) +
               ".");
    }
    if (f.flag("static") != now->flag("static")) {
      emit("METHOD_QUALIFIER_NO_CHANGE", f, now,
           q(name) + (now->flag("static") ? " became static." : " is no longer static."));
    }
    if (access_rank(now->str("access", "public")) > access_rank(f.str("access", "public"))) {
      emit("ACCESS_NO_NARROW", f, now,
           q(name) + " went from " + std::string(f.str("access", "public")) + " to " +
               std::string(now->str("access")) + ".");
    }
    if (!f.flag("deleted") && now->flag("deleted")) {
      emit("SYMBOL_NO_DELETE", f, now, q(f.name) + " is now deleted (= delete).");
    } else if (!f.flag("inline") && f.str("mangled") != now->str("mangled") &&
               !f.str("mangled").empty()) {
      emit("SYMBOL_NO_DELETE", f, now,
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
        emit("PARAMETER_NO_ADD", f, c,
             q(name) + " gained " + std::to_string(extra) + " defaulted parameter" +
                 (extra > 1 ? "s" : "") + ": old calls compile, but its symbol is now " +
                 q(c->str("mangled")) + " and binaries built against OLD look for " +
                 q(f.str("mangled")) + ".");
        return;
      }
      if (new_params == old_params && quals_of(f) != quals_of(*c)) {
        emit("METHOD_QUALIFIER_NO_CHANGE", f, c,
             q(name) + " changed its qualifiers from " +
                 q(quals_of(f).empty() ? "(none)" : quals_of(f).substr(1)) + " to " +
                 q(quals_of(*c).empty() ? "(none)" : quals_of(*c).substr(1)) + ".");
        return;
      }
    }
    if (candidates.size() == 1 && std::distance(olds.first, olds.second) == 1) {
      emit("FUNCTION_PROTOTYPE_NO_CHANGE", f, candidates.front(),
           q(name) + " changed its parameters from (" + std::string(f.str("params")) + ") to (" +
               std::string(candidates.front()->str("params")) + ").");
      return;
    }
    emit("SYMBOL_NO_DELETE", f, nullptr, q(f.name) + " was removed.");
  }

  void variable(const Entity& v, const Entity* now) {
    if (now == nullptr) {
      emit("SYMBOL_NO_DELETE", v, nullptr, q(v.name) + " was removed.");
      return;
    }
    if (v.has("value") && now->has("value") && v.str("value") != now->str("value")) {
      emit("CONSTANT_NO_CHANGE", v, now,
           q(v.name) + " changed from " + std::string(v.str("value")) + " to " +
               std::string(now->str("value")) + "; clients built against OLD keep the old value.");
    }
  }

  void macro(const Entity& m, const Entity* now) {
    if (now == nullptr) {
      emit("CONSTANT_NO_CHANGE", m, nullptr, "Macro " + q(m.name) + " was removed.");
    } else if (m.str("value") != now->str("value")) {
      emit("CONSTANT_NO_CHANGE", m, now,
           "Macro " + q(m.name) + " changed from " + q(m.str("value")) + " to " +
               q(now->str("value")) + "; clients built against OLD keep the old value.");
    }
  }

  void removed_type(const Entity& t) {
    emit("TYPE_DECL_NO_DELETE", t, nullptr, q(t.name) + " was removed.");
  }

  void alias(const Entity& t, const Entity* now) {
    if (now == nullptr) {
      removed_type(t);
    } else if (t.str("target") != now->str("target")) {
      emit("TYPEDEF_NO_CHANGE", t, now,
           q(t.name) + " now names " + q(now->str("target")) + " instead of " + q(t.str("target")) +
               ".");
    }
  }

  void enumeration(const Entity& e, const Entity* now) {
    if (now == nullptr) {
      removed_type(e);
      return;
    }
    if (e.str("underlying") != now->str("underlying")) {
      emit("ENUM_UNDERLYING_NO_CHANGE", e, now,
           q(e.name) + " is now stored as " + q(now->str("underlying")) + " instead of " +
               q(e.str("underlying")) + ".");
    }
    for (const Entity& k : e.children) {
      const auto it = std::find_if(now->children.begin(), now->children.end(),
                                   [&](const Entity& n) { return n.key == k.key; });
      if (it == now->children.end()) {
        emit("ENUM_VALUE_NO_CHANGE", k, now, "Enumerator " + q(k.name) + " was removed.");
      } else if (k.num("value") != it->num("value")) {
        emit("ENUM_VALUE_NO_CHANGE", k, &*it,
             "Enumerator " + q(k.name) + " changed from " + std::to_string(k.num("value")) +
                 " to " + std::to_string(it->num("value")) +
                 "; clients built against OLD use the old value.");
      }
    }
  }

  void record(const Entity& r, const Entity* now) {
    if (now == nullptr) {
      removed_type(r);
      return;
    }
    layout(r, *now);
    // Fields seen by clients.
    for (const Entity& f : r.children) {
      if (f.kind != "field" || !visible(f)) continue;
      const Entity* g = child(*now, "field", f.key);
      if (g == nullptr) {
        emit("DATA_MEMBER_NO_DELETE", f, now, "Field " + q(f.name) + " was removed.");
      } else if (access_rank(g->str("access")) > access_rank(f.str("access"))) {
        emit("ACCESS_NO_NARROW", f, g,
             "Field " + q(f.name) + " went from " + std::string(f.str("access")) + " to " +
                 std::string(g->str("access")) + ".");
      }
    }
    virtuals(r, *now);
    if (r.has("call_in_memory") && now->has("call_in_memory") &&
        r.flag("call_in_memory") != now->flag("call_in_memory")) {
      emit("CALLING_CONVENTION_NO_CHANGE", r, now,
           q(r.name) + (now->flag("call_in_memory")
                            ? " gained a user-provided copy/move constructor or destructor: it "
                              "is now passed and returned through memory, not registers."
                            : " is now trivial for calls: it is passed and returned in "
                              "registers where OLD used memory."));
    }
    bases(r, *now);
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
      emit("RECORD_LAYOUT_NO_CHANGE", r, &now,
           q(r.name) + " changed size from " + std::to_string(r.num("size")) + " to " +
               std::to_string(now.num("size")) + " bytes" +
               (r.num("align") != now.num("align")
                    ? " and alignment from " + std::to_string(r.num("align")) + " to " +
                          std::to_string(now.num("align"))
                    : std::string()) +
               ": code built against OLD allocates, copies and embeds it with the old size.");
      return;
    }
    for (const Entity& f : r.children) {
      if (f.kind != "field") continue;
      const Entity* g = child(now, "field", f.key);
      if (g == nullptr) continue;
      if (f.num("offset", -1) != g->num("offset", -1) || f.str("type") != g->str("type")) {
        emit("RECORD_LAYOUT_NO_CHANGE", f, g,
             "Field " + q(f.name) +
                 (f.str("type") != g->str("type")
                      ? " changed type from " + q(f.str("type")) + " to " + q(g->str("type"))
                      : " moved from bit offset " + std::to_string(f.num("offset")) + " to " +
                            std::to_string(g->num("offset"))) +
                 ": code built against OLD reads and writes it at the old place.");
        return;
      }
    }
  }

  void virtuals(const Entity& r, const Entity& now) {
    const auto before = split(r.str("virtuals"));
    const auto after = split(now.str("virtuals"));
    if (before == after) return;
    if (before.empty() || after.empty()) {
      emit("VIRTUAL_NO_CHANGE", r, &now,
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
    emit("VIRTUAL_NO_CHANGE", r, &now,
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
    emit("BASE_NO_CHANGE", r, &now,
         q(r.name) + " changed its bases from (" + (before.empty() ? "none" : before) + ") to (" +
             (after.empty() ? "none" : after) + ").");
  }

  const Schema& old_;
  const Schema& new_;
  const detail::RuleSelection& on_;
  detail::Emitter& out_;
  Index olds_, news_;
  std::multimap<std::string_view, const Entity*> old_overloads_, new_overloads_;
};

}  // namespace

void compare(const Schema& old_schema, const Schema& new_schema, const detail::RuleSelection& on,
             detail::Emitter& out) {
  Checker(old_schema, new_schema, on, out).run();
}

std::vector<std::string_view> implemented_rules() {
  return {"SYMBOL_NO_DELETE",      "FUNCTION_PROTOTYPE_NO_CHANGE",
          "PARAMETER_NO_ADD",      "METHOD_QUALIFIER_NO_CHANGE",
          "TYPE_DECL_NO_DELETE",   "RECORD_LAYOUT_NO_CHANGE",
          "DATA_MEMBER_NO_DELETE", "VIRTUAL_NO_CHANGE",
          "ENUM_VALUE_NO_CHANGE",  "ENUM_UNDERLYING_NO_CHANGE",
          "CONSTANT_NO_CHANGE",    "TYPEDEF_NO_CHANGE",
          "ACCESS_NO_NARROW",      "CALLING_CONVENTION_NO_CHANGE",
          "BASE_NO_CHANGE"};
}

}  // namespace breakwater::cpp
