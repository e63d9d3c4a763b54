// C++ headers into the common model, through libclang's C API. Only this file and the other
// sources of this folder see clang-c.
#include "formats/cpp/load.hpp"

#include "core/paths.hpp"
#include "formats/cpp/clang_handles.hpp"
#include "formats/cpp/compile_db.hpp"
#include "formats/cpp/constants.hpp"
#include "formats/cpp/flags.hpp"
#include "formats/cpp/include_scan.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

namespace breakwater::cpp {
namespace fs = std::filesystem;

namespace {

bool is_header(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".h" || ext == ".hh" || ext == ".hpp" || ext == ".hxx" || ext == ".h++";
}

std::vector<fs::path> headers_under(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && is_header(it->path())) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Whether `file` is one of the excluded headers or lies under an excluded directory.
bool excluded(const fs::path& file, const std::vector<fs::path>& exclude) {
  return std::any_of(exclude.begin(), exclude.end(),
                     [&file](const fs::path& x) { return detail::inside(file, x); });
}

// Excluded headers are named relative to the include root, so one list fits OLD and NEW.
std::vector<fs::path> under_root(const std::vector<std::string>& paths, const fs::path& root) {
  std::vector<fs::path> out;
  for (const std::string& p : paths) out.push_back((root / p).lexically_normal());
  return out;
}

std::string spelling(CXCursor c) {
  return text(clang_getCursorSpelling(c));
}
// A type as written canonically, without the file position libclang 14 puts into the names of
// unnamed types ("union (anonymous union at /abs/lib.h:5:3)"), which differs between OLD and NEW.
std::string type_text(CXType t) {
  std::string s = text(clang_getTypeSpelling(clang_getCanonicalType(t)));
  for (const char* marker : {"(anonymous ", "(unnamed "}) {
    for (size_t open = s.find(marker); open != std::string::npos; open = s.find(marker, open + 1)) {
      const size_t at = s.find(" at ", open);
      const size_t close = s.find(')', open);
      if (at != std::string::npos && close != std::string::npos && at < close)
        s.erase(at, close - at);
    }
  }
  return s;
}

const char* access_name(CX_CXXAccessSpecifier a) {
  switch (a) {
    case CX_CXXPublic:
      return "public";
    case CX_CXXProtected:
      return "protected";
    case CX_CXXPrivate:
      return "private";
    default:
      return "public";
  }
}

// Walks the translation unit and builds the model of what is declared under the input root.
class Modeler {
 public:
  Modeler(Schema& schema, fs::path root, std::vector<fs::path> exclude, Entity& api)
      : schema_(schema), root_(std::move(root)), exclude_(std::move(exclude)), api_(api) {}

  void walk(CXCursor parent, const std::string& scope) {
    visit_children(parent, [&](CXCursor c) { declaration(c, scope); });
  }

 private:
  template <typename F>
  static void visit_children(CXCursor parent, F&& f) {
    clang_visitChildren(
        parent,
        [](CXCursor c, CXCursor, CXClientData data) {
          (*static_cast<F*>(data))(c);
          return CXChildVisit_Continue;
        },
        &f);
  }

  // Where the cursor is spelled, when that is under the input root.
  std::optional<SourceRef> where(CXCursor c) {
    CXFile file;
    unsigned line = 0, column = 0;
    // Where the declaration is written in the headers, macros expanded (a namespace-opening
    // macro defined elsewhere still declares here).
    clang_getExpansionLocation(clang_getCursorLocation(c), &file, &line, &column, nullptr);
    if (file == nullptr) return std::nullopt;
    const std::string name = text(clang_getFileName(file));
    auto it = files_.find(name);
    if (it == files_.end()) {
      const fs::path abs = fs::absolute(name).lexically_normal();
      uint32_t id = 0;
      if (detail::inside(abs, root_) && !excluded(abs, exclude_))
        id = schema_.add_file(detail::shown_path(abs));
      it = files_.emplace(name, id).first;
    }
    if (it->second == 0) return std::nullopt;
    return SourceRef{it->second, line, column};
  }

  void declaration(CXCursor c, const std::string& scope) {
    const CXCursorKind kind = clang_getCursorKind(c);
    if (kind == CXCursor_UnexposedDecl || kind == CXCursor_LinkageSpec) {
      walk(c, scope);  // extern "C" blocks (UnexposedDecl in libclang 14)
      return;
    }
    const auto at = where(c);
    if (!at) return;
    const std::string name = spelling(c);
    std::string qualified = scope.empty() ? name : scope + "::" + name;
    const CXCursor semantic = semantic_scope(c);
    const bool member_specialization =
        !clang_Cursor_isNull(clang_getSpecializedCursorTemplate(semantic));
    if (kind != CXCursor_Namespace && kind != CXCursor_MacroDefinition && !member_specialization &&
        !clang_equalCursors(semantic, lexical_scope(c))) {
      // Written outside its scope: `inline int a::f() {...}` redeclares what a's own
      // declaration already models; `struct a::S::In {...}` defines a member of S.
      if (kind != CXCursor_StructDecl && kind != CXCursor_ClassDecl && kind != CXCursor_UnionDecl &&
          kind != CXCursor_EnumDecl) {
        // An out-of-line `inline` definition makes the declaration modelled earlier inline.
        if ((kind == CXCursor_FunctionDecl || kind == CXCursor_CXXMethod ||
             kind == CXCursor_Constructor || kind == CXCursor_Destructor ||
             kind == CXCursor_ConversionFunction) &&
            clang_Cursor_isFunctionInlined(c)) {
          const auto it = function_index_.find(text(clang_getCursorUSR(c)));
          if (it != function_index_.end()) api_.children[it->second].set("inline", true);
        }
        return;
      }
      qualified = semantic_name(c);
    }
    // `template<> void S<int>::f();`: a symbol of its own, named with its class.
    if (member_specialization && kind != CXCursor_Namespace) qualified = semantic_name(c);
    switch (kind) {
      case CXCursor_CXXMethod:
        if (member_specialization) function(c, qualified, *at, "");
        return;
      case CXCursor_Namespace:
        if (!name.empty()) {
          // An inline namespace is part of every mangled name inside it but not of the API:
          // its declarations keep their outer names and carry the namespace as `inline_ns`.
          if (clang_Cursor_isInlineNamespace(c)) {
            const std::string outer = inline_ns_;
            inline_ns_ += (outer.empty() ? "" : "::") + name;
            walk(c, scope);
            inline_ns_ = outer;
          } else {
            walk(c, qualified);
          }
        }
        return;
      case CXCursor_StructDecl:
      case CXCursor_ClassDecl:
      case CXCursor_UnionDecl:
        if (!name.empty() && clang_isCursorDefinition(c)) record(c, qualified, *at);
        return;
      case CXCursor_EnumDecl:
        if (!name.empty() && clang_isCursorDefinition(c)) enumeration(c, qualified, *at);
        return;
      case CXCursor_FunctionDecl:
        function(c, qualified, *at, "");
        return;
      case CXCursor_TypedefDecl:
      case CXCursor_TypeAliasDecl: {
        // `typedef struct { ... } Foo;`: the unnamed definition is known by the typedef's name.
        const CXCursor target =
            clang_getTypeDeclaration(clang_getCanonicalType(clang_getTypedefDeclUnderlyingType(c)));
        const CXCursorKind tk = clang_getCursorKind(target);
        if (spelling(target).empty() && clang_isCursorDefinition(target)) {
          if (tk == CXCursor_StructDecl || tk == CXCursor_UnionDecl || tk == CXCursor_ClassDecl) {
            record(target, qualified, *at);
            return;
          }
          if (tk == CXCursor_EnumDecl) {
            enumeration(target, qualified, *at);
            return;
          }
        }
        Entity e = named("typedef", qualified, *at);
        e.set("target", type_text(clang_getTypedefDeclUnderlyingType(c)));
        if (clang_getCanonicalType(clang_getTypedefDeclUnderlyingType(c)).kind == CXType_Record)
          e.set("target_record", true);
        add(std::move(e));
        return;
      }
      case CXCursor_VarDecl:
        variable(c, qualified, *at);
        return;
      case CXCursor_ClassTemplate:
      case CXCursor_FunctionTemplate:
      case CXCursor_TypeAliasTemplateDecl:
        template_decl(c, qualified, *at);
        return;
      case CXCursor_MacroDefinition:
        macro(c, name, *at);
        return;
      case CXCursor_UsingDeclaration:
        // `using other::f;` keeps sources that call `f` here compiling.
        if (!name.empty()) add(named("using", qualified, *at));
        return;
      case CXCursor_NamespaceAlias: {
        // `namespace old = renamed;` keeps sources naming the old namespace compiling.
        Entity e = named("namespace_alias", qualified, *at);
        visit_children(c, [&](CXCursor k) {
          if (clang_getCursorKind(k) == CXCursor_NamespaceRef)
            e.set("target", text(clang_getCursorSpelling(clang_getCursorReferenced(k))));
        });
        add(std::move(e));
        return;
      }
      default:
        return;
    }
  }

  Entity named(std::string_view kind, const std::string& key, SourceRef at) {
    Entity e;
    e.kind = kind;
    e.key = key;
    e.name = key;
    e.loc = at;
    return e;
  }

  void add(Entity e) {
    // The same declaration reached twice (a header included from two places) is one entity.
    const std::string id = std::string(e.kind) + " " + e.key;
    if (!seen_.insert(id).second) return;
    if (!inline_ns_.empty()) e.set("inline_ns", inline_ns_);
    api_.children.push_back(std::move(e));
  }

  // The scope a declaration belongs to (semantic) or is written in (lexical), looking through
  // `extern "C" { }` blocks.
  static CXCursor scope_of(CXCursor c, CXCursor (*parent)(CXCursor)) {
    CXCursor p = parent(c);
    while (!clang_Cursor_isNull(p) && (clang_getCursorKind(p) == CXCursor_LinkageSpec ||
                                       clang_getCursorKind(p) == CXCursor_UnexposedDecl))
      p = parent(p);
    return p;
  }
  static CXCursor semantic_scope(CXCursor c) { return scope_of(c, clang_getCursorSemanticParent); }
  static CXCursor lexical_scope(CXCursor c) { return scope_of(c, clang_getCursorLexicalParent); }

  // The name a declaration has in its semantic scope, as sources spell it: enclosing classes
  // and namespaces, inline and anonymous namespaces left out.
  static std::string semantic_name(CXCursor c) {
    std::string name = spelling(c);
    for (CXCursor p = clang_getCursorSemanticParent(c);
         !clang_Cursor_isNull(p) && clang_getCursorKind(p) != CXCursor_TranslationUnit;
         p = clang_getCursorSemanticParent(p)) {
      const std::string part = spelling(p);
      if (part.empty() ||
          (clang_getCursorKind(p) == CXCursor_Namespace && clang_Cursor_isInlineNamespace(p)))
        continue;
      name = part + "::" + name;
    }
    return name;
  }

  // A template's parameters as "kind[=default]" words: `typename`, `value <type>`, `template`,
  // with "..." for a pack; a default as its value when it is a constant, else its tokens with
  // earlier parameters named by position (#0, #1), so renaming a parameter changes nothing.
  void template_decl(CXCursor c, const std::string& qualified, SourceRef at) {
    const bool function = clang_getCursorKind(c) == CXCursor_FunctionTemplate;
    if (!function && !clang_isCursorDefinition(c)) {
      const CXCursor definition = clang_getCursorDefinition(c);
      if (!clang_Cursor_isNull(definition) && where(definition))
        return;  // a forward declaration: the definition is modelled
    }
    std::string params;
    std::vector<std::string> names;
    visit_children(c, [&](CXCursor p) {
      const CXCursorKind k = clang_getCursorKind(p);
      std::string word;
      if (k == CXCursor_TemplateTypeParameter) {
        word = "typename";
      } else if (k == CXCursor_NonTypeTemplateParameter) {
        word = "value " + type_text(clang_getCursorType(p));
      } else if (k == CXCursor_TemplateTemplateParameter) {
        word = "template";
      } else {
        return;
      }
      const std::vector<std::string> tokens = tokens_of(p);
      const auto eq = std::find(tokens.begin(), tokens.end(), "=");
      if (std::find(tokens.begin(), eq, "...") != eq) word += "...";
      if (eq != tokens.end()) {
        std::optional<std::string> value;
        if (k == CXCursor_NonTypeTemplateParameter) {
          visit_children(p, [&](CXCursor e) {
            if (clang_isExpression(clang_getCursorKind(e))) value = constant_value(e);
          });
        }
        if (!value) {
          // The extent may run past the parameter into the list's closing `>`.
          value.emplace();
          int depth = 0;
          for (auto t = eq + 1; t != tokens.end(); ++t) {
            const int closes = *t == ">" ? 1 : *t == ">>" ? 2 : 0;
            if (*t == "<") ++depth;
            if (closes > 0 && depth - closes < 0) {
              if (depth > 0) *value += " >";  // `>>` closing the argument and the list
              break;
            }
            depth -= closes;
            if (*t == "," && depth == 0) break;
            const auto named = std::find(names.begin(), names.end(), *t);
            *value += (value->empty() ? "" : " ") +
                      (named != names.end() ? "#" + std::to_string(named - names.begin()) : *t);
          }
        }
        word += "=" + *value;
      }
      names.push_back(spelling(p));
      params += (params.empty() ? "" : "\x1f") + word;
    });
    const auto [it, fresh] = templates_.emplace(qualified, api_.children.size());
    if (!fresh) {
      // Overloaded function templates share a name: their parameters are not compared.
      if (function && it->second < api_.children.size())
        api_.children[it->second].set("overloaded", true);
      return;
    }
    Entity e = named("template", qualified, at);
    e.set("params", params);
    if (function) e.set("function", true);
    add(std::move(e));
  }

  static std::vector<std::string> tokens_of(CXCursor c) {
    CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
    CXToken* tokens = nullptr;
    unsigned count = 0;
    clang_tokenize(tu, clang_getCursorExtent(c), &tokens, &count);
    std::vector<std::string> out;
    out.reserve(count);
    for (unsigned i = 0; i < count; ++i) out.push_back(text(clang_getTokenSpelling(tu, tokens[i])));
    clang_disposeTokens(tu, tokens, count);
    return out;
  }

  void record(CXCursor c, const std::string& qualified, SourceRef at) {
    const CXType type = clang_getCursorType(c);
    Entity e = named("record", qualified, at);
    const CXCursorKind kind = clang_getCursorKind(c);
    e.set("tag", std::string(kind == CXCursor_UnionDecl   ? "union"
                             : kind == CXCursor_ClassDecl ? "class"
                                                          : "struct"));
    const long long size = clang_Type_getSizeOf(type);
    if (size >= 0) {
      e.set("size", static_cast<int64_t>(size));
      e.set("align", static_cast<int64_t>(clang_Type_getAlignOf(type)));
    }
    if (clang_CXXRecord_isAbstract(c)) e.set("abstract", true);
    int64_t base_index = 0;
    int field_index = 0;
    std::vector<std::string> own_virtuals;
    const std::string primary = primary_base(c);
    bool user_copy_or_dtor = false;
    visit_children(c, [&](CXCursor m) {
      const CXCursorKind mk = clang_getCursorKind(m);
      if (mk == CXCursor_CXXFinalAttr) e.set("final", true);
      if (mk == CXCursor_CXXBaseSpecifier) {
        Entity b;
        b.kind = "base";
        b.key = type_text(clang_getCursorType(m));
        b.name = qualified + " : " + b.key;
        b.loc = where(m).value_or(at);
        b.set("index", base_index++);
        b.set("access", std::string(access_name(clang_getCXXAccessSpecifier(m))));
        if (clang_isVirtualBase(m)) b.set("virtual", true);
        e.children.push_back(std::move(b));
        return;
      }
      if (mk == CXCursor_FieldDecl) {
        Entity f;
        f.kind = "field";
        f.key = spelling(m);
        if (f.key.empty()) f.key = "(anonymous " + std::to_string(field_index) + ")";
        ++field_index;
        f.name = qualified + "::" + f.key;
        f.loc = where(m).value_or(at);
        f.set("type", type_text(clang_getCursorType(m)));
        const long long offset = clang_Cursor_getOffsetOfField(m);
        if (offset >= 0) f.set("offset", static_cast<int64_t>(offset));
        if (clang_Cursor_isBitField(m))
          f.set("bits", static_cast<int64_t>(clang_getFieldDeclBitWidth(m)));
        f.set("access", std::string(access_name(clang_getCXXAccessSpecifier(m))));
        e.children.push_back(std::move(f));
        return;
      }
      const auto mat = where(m);
      if (!mat) return;
      const std::string member = spelling(m);
      switch (mk) {
        case CXCursor_CXXMethod:
        case CXCursor_Constructor:
        case CXCursor_Destructor:
        case CXCursor_ConversionFunction: {
          const bool special =
              mk == CXCursor_Destructor ||
              (mk == CXCursor_Constructor && (clang_CXXConstructor_isCopyConstructor(m) ||
                                              clang_CXXConstructor_isMoveConstructor(m)));
          if (special && !clang_CXXMethod_isDefaulted(m)) user_copy_or_dtor = true;
          const std::string signature = function(m, qualified + "::" + member, *mat, qualified);
          // A slot of this class's primary vtable (Itanium 2.5.2): a virtual that overrides
          // nothing of the primary base. An overrider of a secondary base's function gets one
          // too; covariant returns that need adjusting are not modelled.
          if (clang_CXXMethod_isVirtual(m) && !overrides_primary(m, primary)) {
            own_virtuals.push_back(mk == CXCursor_Destructor ? member + "()" : signature);
          }
          return;
        }
        case CXCursor_StructDecl:
        case CXCursor_ClassDecl:
        case CXCursor_UnionDecl:
        case CXCursor_EnumDecl:
        case CXCursor_TypedefDecl:
        case CXCursor_TypeAliasDecl:
        case CXCursor_VarDecl:
        case CXCursor_ClassTemplate:
        case CXCursor_FunctionTemplate:
          if (clang_getCXXAccessSpecifier(m) != CX_CXXPrivate) declaration(m, qualified);
          return;
        default:
          return;
      }
    });
    // Passed by value in registers only when copying is trivial (Itanium "trivial for the
    // purposes of calls"); a user-provided copy/move constructor or destructor moves it to
    // memory, which changes how every function taking or returning it is called.
    if (size >= 0) e.set("call_in_memory", user_copy_or_dtor || passed_in_memory(c));
    if (kind != CXCursor_UnionDecl) {
      const Specials sp = specials(c);
      std::string what{sp.make, sp.copy, sp.assign};
      std::replace(what.begin(), what.end(), 'p', 'n');  // clients are not derived classes
      e.set("specials", what);
      e.set("specials_declared",
            std::string{sp.make_declared ? 'd' : 'i', sp.copy_declared ? 'd' : 'i',
                        sp.assign_declared ? 'd' : 'i'});
    }
    if (!own_virtuals.empty()) {
      std::string joined;
      for (const auto& v : own_virtuals) joined += (joined.empty() ? "" : "\x1f") + v;
      e.set("virtuals", joined);
    }
    add(std::move(e));
  }

  // Whether a record has a vtable: a virtual function, a virtual base, or a dynamic base.
  bool dynamic(CXCursor record) {
    CXCursor def = clang_getCursorDefinition(record);
    // An instantiation (Base<int>) lists no members: its template's tell.
    if (const CXCursor pattern =
            clang_getSpecializedCursorTemplate(clang_Cursor_isNull(def) ? record : def);
        !clang_Cursor_isNull(pattern))
      def = pattern;
    if (clang_Cursor_isNull(def)) return false;
    const std::string usr = text(clang_getCursorUSR(def));
    if (const auto it = dynamic_.find(usr); it != dynamic_.end()) return it->second;
    dynamic_[usr] = false;
    bool found = false;
    visit_children(def, [&](CXCursor m) {
      if (found) return;
      const CXCursorKind k = clang_getCursorKind(m);
      if (k == CXCursor_CXXBaseSpecifier) {
        found = clang_isVirtualBase(m) ||
                dynamic(clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(m))));
      } else if (k == CXCursor_CXXMethod || k == CXCursor_Destructor) {
        found = clang_CXXMethod_isVirtual(m);
      }
    });
    dynamic_[usr] = found;
    return found;
  }

  // The USR of the record's primary base (its first non-virtual dynamic base; Itanium 2.5.1,
  // leaving out the nearly-empty virtual base case), "" without one.
  // Remembered per record, so overrides_primary() can follow the chain by USR.
  std::string primary_base(CXCursor record) {
    const CXCursor def = clang_getCursorDefinition(record);
    if (clang_Cursor_isNull(def)) return "";
    const std::string usr = text(clang_getCursorUSR(def));
    if (const auto it = primary_of_usr_.find(usr); it != primary_of_usr_.end()) return it->second;
    primary_of_usr_[usr] = "";
    std::string out;
    visit_children(def, [&](CXCursor m) {
      if (!out.empty() || clang_getCursorKind(m) != CXCursor_CXXBaseSpecifier ||
          clang_isVirtualBase(m))
        return;
      const CXCursor base =
          clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(m)));
      if (!dynamic(base)) return;
      out = text(clang_getCursorUSR(clang_getCursorDefinition(base)));
      primary_base(base);  // its own chain, for overrides_primary()
    });
    primary_of_usr_[usr] = out;
    return out;
  }

  // Whether `method` overrides a function of the primary base (or of the primary base's own
  // primary chain, which shares its vtable).
  bool overrides_primary(CXCursor method, const std::string& primary) {
    if (primary.empty()) return false;
    CXCursor* overridden = nullptr;
    unsigned n = 0;
    clang_getOverriddenCursors(method, &overridden, &n);
    bool found = false;
    for (unsigned i = 0; i < n && !found; ++i) {
      const CXCursor owner = clang_getCursorSemanticParent(overridden[i]);
      const std::string usr = text(clang_getCursorUSR(owner));
      for (std::string chain = primary; !chain.empty() && !found;) {
        found = usr == chain;
        const auto it = primary_of_usr_.find(chain);
        chain = it == primary_of_usr_.end() ? "" : it->second;
      }
      if (!found) found = overrides_primary(overridden[i], primary);
    }
    clang_disposeOverriddenCursors(overridden);
    return found;
  }

  // Whether the Itanium ABI passes a record through memory: a user-provided (not defaulted,
  // not deleted) copy/move constructor or destructor, a virtual function or base, or a base or
  // field (arrays included) that is itself passed through memory.
  bool passed_in_memory(CXCursor record) {
    CXCursor def = clang_getCursorDefinition(record);
    // libclang does not list the members of an implicit instantiation (std::unique_ptr<Impl>):
    // its template's members tell the same story about copying and destruction.
    if (const CXCursor pattern =
            clang_getSpecializedCursorTemplate(clang_Cursor_isNull(def) ? record : def);
        !clang_Cursor_isNull(pattern)) {
      def = pattern;
    }
    if (clang_Cursor_isNull(def)) return false;
    const std::string usr = text(clang_getCursorUSR(def));
    if (const auto it = in_memory_.find(usr); it != in_memory_.end()) return it->second;
    in_memory_[usr] = false;  // a record reaching itself through pointers is not a member
    bool memory = false;
    visit_children(def, [&](CXCursor m) {
      const CXCursorKind k = clang_getCursorKind(m);
      if (memory) return;
      if (k == CXCursor_CXXBaseSpecifier) {
        memory = clang_isVirtualBase(m) || passed_in_memory(clang_getTypeDeclaration(
                                               clang_getCanonicalType(clang_getCursorType(m))));
      } else if (k == CXCursor_FieldDecl) {
        CXType t = clang_getCanonicalType(clang_getCursorType(m));
        while (t.kind == CXType_ConstantArray)
          t = clang_getCanonicalType(clang_getArrayElementType(t));
        if (t.kind == CXType_Record) memory = passed_in_memory(clang_getTypeDeclaration(t));
      } else if (k == CXCursor_CXXMethod) {
        memory = clang_CXXMethod_isVirtual(m);
      } else if (k == CXCursor_Destructor ||
                 (k == CXCursor_Constructor && (clang_CXXConstructor_isCopyConstructor(m) ||
                                                clang_CXXConstructor_isMoveConstructor(m)))) {
        memory = clang_CXXMethod_isVirtual(m) ||
                 (!clang_CXXMethod_isDefaulted(m) &&
                  clang_getCursorAvailability(m) != CXAvailability_NotAvailable);
      }
    });
    in_memory_[usr] = memory;
    return memory;
  }

  // What clients can do with a record: default construct, copy construct, copy assign; 'y',
  // 'n', or '?' when declarations alone do not tell (a reference or const member may have an
  // initializer). `*_declared`: the member doing it is written in the class, not implicit.
  struct Specials {
    char make = '?', copy = '?', assign = '?';
    bool make_declared = false, copy_declared = false, assign_declared = false;
  };

  // 'p' (protected) never reaches here: bases and members map it first.
  static char both(char a, char b) {
    return a == 'n' || b == 'n' ? 'n' : a == '?' || b == '?' ? '?' : 'y';
  }

  Specials specials(CXCursor record) {
    CXCursor def = clang_getCursorDefinition(record);
    if (const CXCursor pattern =
            clang_getSpecializedCursorTemplate(clang_Cursor_isNull(def) ? record : def);
        !clang_Cursor_isNull(pattern)) {
      def = pattern;  // std::unique_ptr<T>: its template's members
    }
    if (clang_Cursor_isNull(def) || clang_getCursorKind(def) == CXCursor_UnionDecl) return {};
    const std::string usr = text(clang_getCursorUSR(def));
    if (const auto it = specials_.find(usr); it != specials_.end()) return it->second;
    specials_[usr] = Specials{};  // a record reaching itself through pointers
    const std::string own = spelling(def);
    Specials s;
    bool any_ctor = false, ctor_template = false, move_declared = false;
    char make = 'y', copy = 'y', assign = 'y';  // what the implicit members would do
    const auto fold = [&](const Specials& part) {
      make = both(make, part.make);
      copy = both(copy, part.copy);
      assign = both(assign, part.assign);
    };
    visit_children(def, [&](CXCursor m) {
      const CXCursorKind k = clang_getCursorKind(m);
      // 'y' usable by anyone, 'p' only by derived classes (protected), 'n' by no one.
      const CX_CXXAccessSpecifier access = clang_getCXXAccessSpecifier(m);
      const char usable = clang_getCursorAvailability(m) == CXAvailability_NotAvailable ? 'n'
                          : access == CX_CXXPublic                                      ? 'y'
                          : access == CX_CXXProtected                                   ? 'p'
                                                                                        : 'n';
      if (k == CXCursor_Constructor) {
        any_ctor = true;
        if (clang_CXXConstructor_isCopyConstructor(m)) {
          s.copy_declared = true;
          s.copy = usable;
        } else if (clang_CXXConstructor_isMoveConstructor(m)) {
          move_declared = true;
        } else if (clang_CXXConstructor_isDefaultConstructor(m)) {
          s.make_declared = true;
          s.make = usable;
        }
      } else if (k == CXCursor_FunctionTemplate &&
                 spelling(m).substr(0, spelling(m).find('<')) == own) {
        // A constructor template suppresses the implicit default constructor, and may itself
        // take no arguments (std::unique_ptr's does).
        any_ctor = true;
        ctor_template = true;
      } else if (k == CXCursor_CXXMethod && spelling(m) == "operator=" &&
                 clang_Cursor_getNumArguments(m) == 1) {
        const CXType t = clang_getCursorType(clang_Cursor_getArgument(m, 0));
        const CXType pointee = clang_getCanonicalType(clang_getPointeeType(t));
        const bool same = spelling(clang_getTypeDeclaration(pointee)) == own ||
                          spelling(clang_getTypeDeclaration(clang_getCanonicalType(t))) == own;
        if (t.kind == CXType_RValueReference) {
          move_declared = move_declared || same;  // operator=(int&&) is no move assignment
        } else if (same) {
          s.assign_declared = true;
          s.assign = usable;
        }
      } else if (k == CXCursor_FieldDecl) {
        CXType t = clang_getCanonicalType(clang_getCursorType(m));
        while (t.kind == CXType_ConstantArray)
          t = clang_getCanonicalType(clang_getArrayElementType(t));
        // A default member initializer (`M m{1};`, `int& r = x;`) constructs the member.
        const std::vector<std::string> tokens = tokens_of(m);
        const bool initialized = std::find(tokens.begin(), tokens.end(), "=") != tokens.end() ||
                                 std::find(tokens.begin(), tokens.end(), "{") != tokens.end();
        if (t.kind == CXType_LValueReference || t.kind == CXType_RValueReference) {
          if (!initialized) make = both(make, '?');
          assign = 'n';
        } else if (clang_isConstQualifiedType(t)) {
          if (t.kind != CXType_Record && !initialized) make = both(make, '?');
          assign = 'n';
        }
        if (t.kind == CXType_Record) {
          Specials member = specials(clang_getTypeDeclaration(t));
          for (char* part : {&member.make, &member.copy, &member.assign}) {
            if (*part == 'p') *part = 'n';  // a member's protected members are out of reach
          }
          if (initialized) member.make = 'y';
          fold(member);
        }
      } else if (k == CXCursor_CXXBaseSpecifier) {
        // A base member that is deleted or private stops the derived class's implicit one.
        Specials base =
            specials(clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(m))));
        for (char* part : {&base.make, &base.copy, &base.assign}) {
          if (*part == 'p') *part = 'y';  // a derived class reaches protected members
        }
        fold(base);
      }
    });
    if (!s.make_declared) s.make = !any_ctor ? make : ctor_template ? '?' : 'n';
    if (!s.copy_declared) s.copy = move_declared ? 'n' : copy;
    if (!s.assign_declared) s.assign = move_declared ? 'n' : assign;
    specials_[usr] = s;
    return s;
  }

  void enumeration(CXCursor c, const std::string& qualified, SourceRef at) {
    Entity e = named("enum", qualified, at);
    e.set("underlying", type_text(clang_getEnumDeclIntegerType(c)));
    if (clang_EnumDecl_isScoped(c)) e.set("scoped", true);
    visit_children(c, [&](CXCursor k) {
      if (clang_getCursorKind(k) != CXCursor_EnumConstantDecl) return;
      Entity v;
      v.kind = "enumerator";
      v.key = spelling(k);
      v.name = qualified + "::" + v.key;
      v.loc = where(k).value_or(at);
      v.set("value", static_cast<int64_t>(clang_getEnumConstantDeclValue(k)));
      e.children.push_back(std::move(v));
    });
    add(std::move(e));
  }

  // A parameter's default argument: its value when it is a constant, else its tokens (an `=`
  // in the declaration's tokens marks one; array bounds and decltype(...) are expressions too).
  static std::optional<std::string> default_of(CXCursor param) {
    const std::vector<std::string> tokens = tokens_of(param);
    const auto eq = std::find(tokens.begin(), tokens.end(), "=");
    if (eq == tokens.end()) return std::nullopt;
    std::optional<CXCursor> expr;
    visit_children(param, [&](CXCursor k) {
      if (clang_isExpression(clang_getCursorKind(k))) expr = k;
    });
    const CXType type = clang_getCanonicalType(clang_getCursorType(param));
    std::vector<std::string> value(eq + 1, tokens.end());
    // Any null pointer constant is the same default: `0`, `NULL`, `nullptr`.
    const bool pointer = type.kind == CXType_Pointer || type.kind == CXType_MemberPointer;
    if (pointer && value.size() == 1 &&
        (value[0] == "0" || value[0] == "NULL" || value[0] == "nullptr" || value[0] == "__null"))
      return "null";
    if (expr && !pointer) {
      if (auto v = constant_value(*expr)) return v;
    }
    // A value-initialised object, however spelled: `{}`, or `T()` / `T{}` naming the
    // parameter's own type (not a call such as `defaults()`).
    const bool empty_pair =
        value.size() >= 2 && ((value[value.size() - 2] == "(" && value.back() == ")") ||
                              (value[value.size() - 2] == "{" && value.back() == "}"));
    if (empty_pair) {
      CXType named = type;
      if (named.kind == CXType_LValueReference || named.kind == CXType_RValueReference)
        named = clang_getCanonicalType(clang_getPointeeType(named));
      const std::string own = spelling(clang_getTypeDeclaration(named));
      std::string written;
      for (size_t i = 0; i + 2 < value.size(); ++i) written += value[i];
      const size_t colon = written.rfind(':');
      const std::string last = written.substr(colon == std::string::npos ? 0 : colon + 1);
      if (written.empty() || (!own.empty() && last.substr(0, last.find('<')) == own)) return "{}";
    }
    std::string spelled;
    for (size_t i = 0; i < value.size(); ++i) spelled += (i == 0 ? "" : " ") + value[i];
    return spelled;
  }

  // `noexcept`, `noexcept(true)`, `throw()` -> "yes"; `noexcept(false)` -> "no"; none -> "";
  // another computed condition -> "noexcept(<tokens>)" (compared as written).
  static std::string noexcept_of(CXCursor c) {
    const int spec = clang_getCursorExceptionSpecificationType(c);
    if (spec == CXCursor_ExceptionSpecificationKind_BasicNoexcept ||
        spec == CXCursor_ExceptionSpecificationKind_DynamicNone)
      return "yes";
    if (spec != CXCursor_ExceptionSpecificationKind_ComputedNoexcept) return "";
    const std::vector<std::string> tokens = tokens_of(c);
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (tokens[i] != "noexcept" || tokens[i + 1] != "(") continue;
      std::string cond;
      int depth = 0;
      for (size_t j = i + 1; j < tokens.size(); ++j) {
        depth += tokens[j] == "(" ? 1 : tokens[j] == ")" ? -1 : 0;
        if (j > i + 1 && depth == 0) break;
        if (j > i + 1) cond += (cond.empty() ? "" : " ") + tokens[j];
      }
      if (cond == "true") return "yes";
      if (cond == "false") return "no";
      return "noexcept(" + cond + ")";
    }
    return "";
  }

  // A function or method; returns its signature within its scope, "name(params) quals".
  std::string function(CXCursor c, const std::string& qualified, SourceRef at,
                       const std::string& record) {
    const CXType type = clang_getCursorType(c);
    std::string params;
    const int n = clang_Cursor_getNumArguments(c);
    int defaults = 0;
    std::string default_values;  // one word per parameter, "" when it has no default
    for (int i = 0; i < n; ++i) {
      const CXCursor p = clang_Cursor_getArgument(c, static_cast<unsigned>(i));
      params += (i == 0 ? "" : ", ") + type_text(clang_getCursorType(p));
      const std::optional<std::string> value = default_of(p);
      defaults = value ? defaults + 1 : 0;
      default_values += (i == 0 ? "" : "\x1f") + value.value_or("");
    }
    if (clang_isFunctionTypeVariadic(type)) params += n > 0 ? ", ..." : "...";
    std::string quals;
    if (clang_CXXMethod_isConst(c)) quals += " const";
    const CXRefQualifierKind ref = clang_Type_getCXXRefQualifier(type);
    if (ref == CXRefQualifier_LValue) quals += " &";
    if (ref == CXRefQualifier_RValue) quals += " &&";
    const std::string signature = spelling(c) + "(" + params + ")" + quals;
    Entity e = named("function", qualified + "(" + params + ")" + quals, at);
    e.name = qualified + "(" + params + ")" + quals;
    e.set("callable", qualified);  // overloads share it
    e.set("params", params);
    e.set("defaults", static_cast<int64_t>(defaults));
    if (defaults > 0) e.set("default_values", default_values);
    const CXCursorKind kind = clang_getCursorKind(c);
    if (kind != CXCursor_Constructor && kind != CXCursor_Destructor)
      e.set("return", type_text(clang_getResultType(type)));
    if (!record.empty()) {
      e.set("record", record);
      e.set("access", std::string(access_name(clang_getCXXAccessSpecifier(c))));
      if (clang_CXXMethod_isStatic(c)) e.set("static", true);
      if (clang_CXXMethod_isVirtual(c)) e.set("virtual", true);
      if (clang_CXXMethod_isPureVirtual(c)) e.set("pure", true);
    }
    if (clang_getCursorAvailability(c) == CXAvailability_NotAvailable) e.set("deleted", true);
    // Inline when any declaration says so: `int get() const;` in the class and
    // `inline int S::get() const {...}` after it is inline.
    const CXCursor definition = clang_getCursorDefinition(c);
    if (clang_Cursor_isFunctionInlined(c) ||
        (!clang_Cursor_isNull(definition) && clang_Cursor_isFunctionInlined(definition)))
      e.set("inline", true);
    if (clang_CXXMethod_isDefaulted(c)) e.set("defaulted", true);
    if (const std::string spec = noexcept_of(c); !spec.empty()) e.set("noexcept", spec);
    visit_children(c, [&](CXCursor k) {
      if (clang_getCursorKind(k) == CXCursor_CXXFinalAttr) e.set("final", true);
    });
    // Never asked of anything but functions and variables: libclang 14 crashes elsewhere.
    e.set("mangled", text(clang_Cursor_getMangling(c)));
    const std::string usr = text(clang_getCursorUSR(c));
    if (const auto it = function_index_.find(usr); it != function_index_.end()) {
      // A redeclaration (`int f();` then `inline int f() {...}`): inline if either says so.
      if (e.flag("inline")) api_.children[it->second].set("inline", true);
      return signature;
    }
    const size_t index = api_.children.size();
    add(std::move(e));
    if (api_.children.size() > index) function_index_.emplace(usr, index);
    return signature;
  }

  void variable(CXCursor c, const std::string& qualified, SourceRef at) {
    Entity e = named("variable", qualified, at);
    e.set("type", type_text(clang_getCursorType(c)));
    if (clang_isConstQualifiedType(clang_getCursorType(c))) {
      if (auto v = constant_value(c)) e.set("value", *v);
    }
    e.set("mangled", text(clang_Cursor_getMangling(c)));
    add(std::move(e));
  }

  // Whether a macro's replacement (after the name) is one operand wherever it is expanded: a
  // literal, a signed literal, or one parenthesised group. `8 + 8` is not (2*M differs from
  // 2*16), nor `640, 480`; those are compared by their tokens.
  static bool self_contained(const std::vector<std::string>& tokens) {
    return operand_end(tokens, 1) == tokens.size();
  }

  // Where the operand starting at `i` ends: a literal or name, optionally called `F(...)` or
  // cast `static_cast<T>(...)`, a signed operand, a parenthesised group without a top-level
  // comma, or a C-style cast `(T)` before an operand. npos when it is none of these.
  static size_t operand_end(const std::vector<std::string>& t, size_t i) {
    const size_t n = t.size();
    if (i >= n) return std::string::npos;
    const auto close = [&](size_t open, const char* o, const char* c) {
      int depth = 0;
      for (size_t j = open; j < n; ++j) {
        depth += t[j] == o ? 1 : t[j] == c ? -1 : 0;
        if (depth == 0) return j;
      }
      return std::string::npos;
    };
    if (t[i] == "-" || t[i] == "+" || t[i] == "~" || t[i] == "!") return operand_end(t, i + 1);
    if (t[i] == "(") {
      const size_t end = close(i, "(", ")");
      if (end == std::string::npos) return end;
      int depth = 0;
      for (size_t j = i; j < end; ++j) {
        depth += t[j] == "(" ? 1 : t[j] == ")" ? -1 : 0;
        if (depth == 1 && t[j] == ",") return std::string::npos;  // `(a, b)` is b
      }
      if (end + 1 < n && t[end + 1] != ")" && operand_end(t, end + 1) == n) return n;  // a cast
      return end + 1;
    }
    if (t[i] == ")" || t[i] == "," || t[i] == "<" || t[i] == ">") return std::string::npos;
    size_t j = i + 1;
    if (j < n && t[j] == "<") {  // static_cast<int>(...)
      j = close(j, "<", ">");
      if (j == std::string::npos) return j;
      ++j;
    }
    if (j < n && t[j] == "(") {
      const size_t end = close(j, "(", ")");
      return end == std::string::npos ? end : end + 1;
    }
    return j;
  }

  void macro(CXCursor c, const std::string& name, SourceRef at) {
    if (clang_Cursor_isMacroBuiltin(c)) return;
    const std::vector<std::string> tokens = tokens_of(c);
    if (tokens.empty()) return;
    // The definition again, for evaluating macros built from others: a function-like macro's
    // parameter list must touch its name.
    const bool function_like = clang_Cursor_isMacroFunctionLike(c);
    std::string definition = "#define " + tokens[0];
    for (size_t i = 1; i < tokens.size(); ++i)
      definition += (function_like && i == 1 ? "" : " ") + tokens[i];
    definitions_.push_back(std::move(definition));
    if (function_like) return;
    // The value as written: the tokens after the name.
    std::string value;
    for (size_t i = 1; i < tokens.size(); ++i) value += (i == 1 ? "" : " ") + tokens[i];
    if (name.starts_with("__") || name.ends_with("_H") || name.ends_with("_H_") ||
        name.ends_with("_HPP") || (value.empty() && name.find("INCLUDED") != std::string::npos))
      return;  // include guards and reserved names are not API
    Entity e = named("macro", name, at);
    e.set("value", value);
    if (self_contained(tokens)) macro_names_.push_back(name);
    add(std::move(e));
  }

 public:
  const std::vector<std::string>& macro_definitions() const { return definitions_; }
  const std::vector<std::string>& macro_names() const { return macro_names_; }

 private:
  Schema& schema_;
  fs::path root_;
  std::vector<fs::path> exclude_;
  Entity& api_;
  std::map<std::string, uint32_t>
      files_;  // file name as libclang spells it -> file id (0: outside)
  std::set<std::string> seen_;
  std::map<std::string, bool> in_memory_;              // by USR, see passed_in_memory()
  std::map<std::string, Specials> specials_;           // by USR, see specials()
  std::map<std::string, bool> dynamic_;                // by USR, see dynamic()
  std::map<std::string, std::string> primary_of_usr_;  // record USR -> its primary base's USR
  std::map<std::string, size_t> templates_;
  std::map<std::string, size_t> function_index_;  // USR -> index in api_.children            //
                                                  // qualified name -> index in api_.children
  std::string inline_ns_;                         // the inline namespaces around the walk
  std::vector<std::string> definitions_;          // every #define under the root, as written
  std::vector<std::string> macro_names_;          // object-like macros with a value
};

// Whether a compiler message located in `file` may be shown: the repository's own files and the
// system's headers. Any other file a header pulls in (`#include <../../etc/passwd>`) is named but
// its text, which the message could quote, is not shown.
bool showable(const fs::path& file, const fs::path& boundary) {
  for (const char* system : {"/usr/include", "/usr/local/include", "/usr/lib/gcc"}) {
    if (detail::inside_resolved(file, system)) return true;
  }
  if (detail::inside_resolved(file, boundary)) return true;
  // The compiler's own headers (/usr/lib/llvm-14/lib/clang/...).
  std::error_code ec;
  const std::string real = fs::weakly_canonical(file, ec).string();
  return !ec && real.starts_with("/usr/lib/llvm-") && real.find("/include/") != std::string::npos;
}

struct IncludeSite {
  std::string file;  // the file whose #include we want
  const fs::path* boundary;
  std::optional<Location> site;
};

[[noreturn]] void compile_error(CXTranslationUnit tu, const fs::path& root,
                                const fs::path& boundary) {
  const unsigned n = clang_getNumDiagnostics(tu);
  for (unsigned i = 0; i < n; ++i) {
    CXDiagnostic d = clang_getDiagnostic(tu, i);
    const CXDiagnosticSeverity severity = clang_getDiagnosticSeverity(d);
    if (severity < CXDiagnostic_Error) {
      clang_disposeDiagnostic(d);
      continue;
    }
    CXFile file;
    unsigned line = 0, column = 0;
    clang_getSpellingLocation(clang_getDiagnosticLocation(d), &file, &line, &column, nullptr);
    const std::string message = text(clang_getDiagnosticSpelling(d));
    const std::string name = file != nullptr ? text(clang_getFileName(file)) : "";
    clang_disposeDiagnostic(d);
    if (!name.empty() && !showable(name, boundary)) {
      // Located where the repository's headers include it.
      IncludeSite wanted{name, &boundary, std::nullopt};
      clang_getInclusions(
          tu,
          [](CXFile included, CXSourceLocation* stack, unsigned depth, CXClientData data) {
            auto& w = *static_cast<IncludeSite*>(data);
            if (w.site || text(clang_getFileName(included)) != w.file) return;
            for (unsigned k = 0; k < depth; ++k) {
              CXFile at;
              unsigned l = 0, c = 0;
              clang_getSpellingLocation(stack[k], &at, &l, &c, nullptr);
              if (at == nullptr) continue;
              const std::string includer = text(clang_getFileName(at));
              if (!showable(includer, *w.boundary)) continue;
              w.site = Location{detail::shown_path(includer), l, c};
              return;
            }
          },
          &wanted);
      throw InputError(wanted.site.value_or(Location{root.string(), 0, 0}),
                       "does not compile: an error in '" +
                           fs::path(name).lexically_normal().string() +
                           "', outside the repository (its text is not shown)");
    }
    const std::string shown = name.empty() ? root.string() : detail::shown_path(name);
    throw InputError(Location{shown, line, column}, "does not compile: " + message);
  }
  throw InputError(Location{root.string(), 0, 0}, "libclang could not parse the headers");
}

}  // namespace

bool claims(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return !headers_under(path).empty();
  return is_header(path);
}

namespace {

struct Parsed {  // members in this order: the unit is disposed of before its index
  IndexHandle index;
  TranslationUnitHandle tu;
  fs::path root;
};

// The flags to parse with: the compilation database's, then the configured ones, relative paths
// made absolute and, on a git side, paths inside the repository read from that side's copy.
std::vector<std::string> flags_for(const fs::path& root, const LoadOptions& options,
                                   const Options& own, const std::string& boundary) {
  std::vector<std::string> db_flags;
  if (!own.compile_commands.empty()) {
    const fs::path anchor = options.new_input_in_worktree.empty()
                                ? root
                                : fs::absolute(options.new_input_in_worktree).lexically_normal();
    db_flags = flags_from_compile_db(own.compile_commands, anchor);
    if (const auto refused = refused_flag(db_flags, boundary))
      throw InputError(Location{own.compile_commands, 0, 0}, *refused);
  }
  if (const auto refused = refused_flag(own.compile_flags, boundary)) {
    throw InputError(own.compile_flags_at, *refused);
  }
  const fs::path base = fs::absolute(own.compile_flags_base.empty() ? "." : own.compile_flags_base);
  std::vector<std::string> flags = std::move(db_flags);
  for (const std::string& f : map_flag_paths(own.compile_flags, [&base](const std::string& p) {
         return fs::path(p).is_absolute() ? p : (base / p).lexically_normal().string();
       })) {
    flags.push_back(f);
  }
  if (options.side_root.empty()) return flags;
  const fs::path workdir = fs::absolute(options.workdir).lexically_normal();
  return map_flag_paths(flags, [&](const std::string& p) {
    const fs::path path = fs::path(p).lexically_normal();
    if (!detail::inside(path, workdir)) return p;
    return (fs::path(options.side_root) / detail::relative_to(path, workdir))
        .lexically_normal()
        .string();
  });
}

Parsed parse_headers(const std::string& path, const LoadOptions& options, const Options& own) {
  const fs::path input(path);
  std::error_code ec;
  if (!fs::exists(input, ec)) throw InputError(Location{path, 0, 0}, "no such file or directory");
  const bool dir = fs::is_directory(input, ec);
  const fs::path parent = input.parent_path().empty() ? fs::path(".") : input.parent_path();
  const fs::path root = fs::absolute(dir ? input : parent).lexically_normal();
  const std::vector<fs::path> exclude = under_root(own.exclude, root);
  const std::string boundary =
      options.link_boundary.empty() ? root.string() : options.link_boundary;
  std::vector<fs::path> headers;
  for (const fs::path& h : dir ? headers_under(input) : std::vector<fs::path>{input}) {
    if (excluded(fs::absolute(h).lexically_normal(), exclude)) continue;
    // Each name goes into the umbrella's #include line, and each file is read.
    const std::string name = h.string();
    if (name.find_first_of("\"\\\n\r") != std::string::npos)
      throw InputError(Location{detail::shown_path(h), 0, 0},
                       "a header name with a quote, backslash or line break is not read");
    if (fs::is_symlink(h, ec) && !showable(fs::weakly_canonical(h, ec), boundary))
      throw InputError(Location{detail::shown_path(h), 0, 0},
                       "symbolic link points outside the repository; not read");
    headers.push_back(h);
  }
  const std::vector<std::string> flags = flags_for(root, options, own, boundary);
  refuse_escaping_includes(headers, boundary);
  std::vector<std::string> args = {"-x", "c++", "-I" + root.string()};
  const bool has_std = std::any_of(flags.begin(), flags.end(),
                                   [](const std::string& f) { return f.starts_with("-std="); });
  if (!has_std) args.push_back("-std=c++17");
  for (const std::string& inc : options.include_paths) args.push_back("-I" + inc);
  args.insert(args.end(), flags.begin(), flags.end());
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  // One translation unit for all headers: parsing each on its own costs ~50x.
  std::string umbrella;
  for (const fs::path& h : headers) {
    umbrella += "#include \"" + fs::absolute(h).lexically_normal().string() + "\"\n";
  }
  const std::string umbrella_name = (root / "<breakwater umbrella>.cpp").string();
  CXUnsavedFile unsaved{umbrella_name.c_str(), umbrella.c_str(),
                        static_cast<unsigned long>(umbrella.size())};
  IndexHandle index = [] {
    // Creating an index initialises LLVM's process-wide target registry, which is not
    // thread-safe; OLD and NEW may parse at the same time.
    static std::mutex creating;
    std::lock_guard lock(creating);
    return IndexHandle(clang_createIndex(0, 0));
  }();
  CXTranslationUnit raw = nullptr;
  const CXErrorCode code = clang_parseTranslationUnit2(
      index.get(), umbrella_name.c_str(), argv.data(), static_cast<int>(argv.size()), &unsaved, 1,
      CXTranslationUnit_SkipFunctionBodies | CXTranslationUnit_DetailedPreprocessingRecord, &raw);
  TranslationUnitHandle tu(raw);
  if (code != CXError_Success || !tu) {
    throw InputError(Location{path, 0, 0}, "libclang could not parse the headers");
  }
  for (unsigned i = 0, n = clang_getNumDiagnostics(tu.get()); i < n; ++i) {
    CXDiagnostic d = clang_getDiagnostic(tu.get(), i);
    const bool error = clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error;
    clang_disposeDiagnostic(d);
    if (error) compile_error(tu.get(), root, boundary);
  }
  return Parsed{std::move(index), std::move(tu), root};  // the unit goes before its index
}

}  // namespace

void parse_only(const std::string& path, const LoadOptions& options, const Options& own) {
  parse_headers(path, options, own);
}

Schema load(const std::string& path, const LoadOptions& options, const Options& own) {
  const Parsed parsed = parse_headers(path, options, own);
  const fs::path& root = parsed.root;
  Schema schema;
  schema.format = "cpp";
  schema.root = path;
  Entity api;
  api.kind = "api";
  api.key = ".";
  api.name = path;
  Modeler modeler(schema, root, under_root(own.exclude, root), api);
  modeler.walk(clang_getTranslationUnitCursor(parsed.tu.get()), "");
  // Macros compared by value where they are constant expressions; their spelling stays for
  // messages.
  const auto values =
      evaluate_macros(parsed.index.get(), modeler.macro_definitions(), modeler.macro_names());
  for (Entity& e : api.children) {
    if (e.kind != "macro") continue;
    const auto it = values.find(e.key);
    if (it == values.end() || it->second == e.str("value")) continue;
    e.set("spelling", std::string(e.str("value")));
    e.set("value", it->second);
  }
  std::stable_sort(api.children.begin(), api.children.end(), [](const Entity& a, const Entity& b) {
    return std::tie(a.kind, a.key) < std::tie(b.kind, b.key);
  });
  schema.roots.push_back(std::move(api));
  return schema;
}

}  // namespace breakwater::cpp
