// Cursors to model: the declarations under the input root, one entity each. See modeler.hpp.
#include "formats/cpp/modeler.hpp"

#include "core/paths.hpp"
#include "formats/cpp/clang_handles.hpp"
#include "formats/cpp/constants.hpp"
#include "formats/cpp/cursors.hpp"
#include "formats/cpp/tokens.hpp"
#include "formats/cpp/type_spelling.hpp"

#include <algorithm>

namespace breakwater::cpp {
namespace fs = std::filesystem;

namespace {

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

// The scope a declaration belongs to (semantic) or is written in (lexical), looking through
// `extern "C" { }` blocks.
CXCursor scope_of(CXCursor c, CXCursor (*parent)(CXCursor)) {
  CXCursor p = parent(c);
  while (!clang_Cursor_isNull(p) && (clang_getCursorKind(p) == CXCursor_LinkageSpec ||
                                     clang_getCursorKind(p) == CXCursor_UnexposedDecl))
    p = parent(p);
  return p;
}
CXCursor semantic_scope(CXCursor c) {
  return scope_of(c, clang_getCursorSemanticParent);
}
CXCursor lexical_scope(CXCursor c) {
  return scope_of(c, clang_getCursorLexicalParent);
}

// The name a declaration has in its semantic scope, as sources spell it: enclosing classes
// and namespaces, inline and anonymous namespaces left out.
std::string semantic_name(CXCursor c) {
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

}  // namespace

bool excluded(const fs::path& file, const std::vector<fs::path>& exclude) {
  return std::any_of(exclude.begin(), exclude.end(),
                     [&file](const fs::path& x) { return detail::inside(file, x); });
}

Modeler::Modeler(Schema& schema, fs::path root, std::vector<fs::path> exclude, Entity& api)
    : schema_(schema), root_(std::move(root)), exclude_(std::move(exclude)), api_(api) {
  abi_.set_in_repository([this](CXCursor c) { return where(c).has_value(); });
}

void Modeler::walk(CXCursor parent, const std::string& scope) {
  visit_children(parent, [&](CXCursor c) { declaration(c, scope); });
}

std::optional<SourceRef> Modeler::where(CXCursor c) {
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
    // The umbrella unit lives in memory beside the headers; it is nobody's file.
    if (detail::inside(abs, root_) && !excluded(abs, exclude_) && abs.filename() != kUmbrella)
      id = schema_.add_file(detail::shown_path(abs));
    it = files_.emplace(name, id).first;
  }
  if (it->second == 0) return std::nullopt;
  return SourceRef{it->second, line, column};
}

void Modeler::declaration(CXCursor c, const std::string& scope) {
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
      if (name.empty() || !clang_isCursorDefinition(c)) return;
      // An explicit specialization (`template <> struct F<char>`) is a record of its own,
      // keyed with its arguments: fmt has dozens of `formatter<X>`.
      if (!clang_Cursor_isNull(clang_getSpecializedCursorTemplate(c))) {
        const std::string spelled = type_text(clang_getCursorType(c));
        if (const size_t open = spelled.find('<'); open != std::string::npos) {
          qualified += spelled.substr(open);
        }
      }
      record(c, qualified, *at);
      return;
    case CXCursor_EnumDecl:
      if (!clang_isCursorDefinition(c)) return;
      if (!name.empty()) enumeration(c, qualified, *at);
      else unnamed_enumeration(c, scope, *at);
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
      template_decl(c, qualified, *at);
      // Its members too, as written (dependent types spelled canonically, `T` as
      // `type-parameter-0-0`): what sources call and name. Instantiated in each client, they
      // have no symbol and no layout of their own here.
      if (clang_isCursorDefinition(c)) {
        ++in_template_;
        record(c, qualified, *at);
        --in_template_;
      }
      return;
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

Entity Modeler::named(std::string_view kind, const std::string& key, SourceRef at) {
  Entity e;
  e.kind = kind;
  e.key = key;
  e.name = key;
  e.loc = at;
  return e;
}

void Modeler::add(Entity e) {
  // The same declaration reached twice (a header included from two places) is one entity.
  const std::string id = std::string(e.kind) + " " + e.key;
  if (!seen_.insert(id).second) return;
  if (!inline_ns_.empty()) e.set("inline_ns", inline_ns_);
  api_.children.push_back(std::move(e));
}

// A template's parameters as "kind[=default]" words: `typename`, `value <type>`, `template`,
// with "..." for a pack; a default as its value when it is a constant, else its tokens with
// earlier parameters named by position (#0, #1), so renaming a parameter changes nothing.
void Modeler::template_decl(CXCursor c, const std::string& qualified, SourceRef at) {
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
      if (!value) value = template_default_tokens(tokens, eq, names);
      word += "=" + *value;
    }
    names.push_back(spelling(p));
    params += (params.empty() ? "" : "\x1f") + word;
  });
  // A function template is one overload among others of its name: keyed with its function
  // parameters, canonical (`T` is `type-parameter-0-0`, so renaming it changes nothing), and
  // named with them as written.
  std::string key = qualified, shown = qualified;
  std::string call_params, written_params;
  int defaults = 0;
  if (function) {
    visit_children(c, [&](CXCursor p) {
      if (clang_getCursorKind(p) != CXCursor_ParmDecl) return;
      defaults = default_of(p) ? defaults + 1 : 0;
      const CXType t = clang_getCursorType(p);
      call_params += (call_params.empty() ? "" : ", ") +
                     std::string(top_level_unqualified(type_text(t)));
      written_params += (written_params.empty() ? "" : ", ") + text(clang_getTypeSpelling(t));
    });
    if (clang_isFunctionTypeVariadic(clang_getCursorType(c)))
      call_params += call_params.empty() ? "..." : ", ...";
    std::string quals;
    if (clang_CXXMethod_isConst(c)) quals += " const";
    key += "(" + call_params + ")" + quals;
    shown += "(" + written_params + ")" + quals;
  }
  if (!templates_.emplace(key, api_.children.size()).second) return;
  Entity e = named("template", key, at);
  e.name = shown;
  e.set("params", params);
  if (function) {
    e.set("function", true);
    e.set("callable", qualified);  // its overloads share it
    e.set("call_params", call_params);
    e.set("defaults", static_cast<int64_t>(defaults));
    if (in_template_ > 0) e.set("template_member", true);
  }
  add(std::move(e));
}

namespace {

constexpr size_t kMaxOffsetFields = 1024;
// libclang re-checks a record on every clang_Cursor_getOffsetOfField, descending into each field
// of record type anew: one call costs the record's field tree, however often a nested type
// repeats (16 fields nested 7 deep: 16^7). Offsets are left out past this much work.
constexpr uint64_t kMaxOffsetWork = 4'000'000;

// The fields libclang visits to validate `record`: its own, plus those of each field whose type
// is a record, recursively, with no sharing (saturating). Memoized by type, so this costs one
// visit per record type.
uint64_t field_tree(CXCursor record, std::map<std::string, uint64_t>& memo, int depth = 0) {
  const std::string usr = text(clang_getCursorUSR(record));
  if (const auto it = memo.find(usr); it != memo.end()) return it->second;
  memo[usr] = kMaxOffsetWork;  // a type met again while it is counted: a cycle, count it as too big
  if (depth > 64) return kMaxOffsetWork;
  uint64_t total = 0;
  visit_children(record, [&](CXCursor m) {
    if (clang_getCursorKind(m) != CXCursor_FieldDecl || total >= kMaxOffsetWork) return;
    ++total;
    const CXType t = clang_getCanonicalType(clang_getCursorType(m));
    if (t.kind != CXType_Record) return;
    const CXCursor child = clang_getTypeDeclaration(t);
    if (!clang_Cursor_isNull(child)) total += field_tree(child, memo, depth + 1);
  });
  total = std::min(total, kMaxOffsetWork);
  memo[usr] = total;
  return total;
}

}  // namespace

void Modeler::record(CXCursor c, const std::string& qualified, SourceRef at) {
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
  // libclang checks the whole record on every clang_Cursor_getOffsetOfField, so offsets of a
  // record with thousands of fields would cost a scan per field. Past kMaxOffsetFields (no
  // hand-written API comes near) the record's size, alignment and field order and types still
  // say whether its layout changed; the fields' offsets are left out.
  size_t fields = 0;
  visit_children(c, [&](CXCursor m) { fields += clang_getCursorKind(m) == CXCursor_FieldDecl; });
  const bool with_offsets =
      in_template_ == 0 && fields <= kMaxOffsetFields && fields * field_tree(c, field_trees_) <= kMaxOffsetWork;
  int64_t base_index = 0;
  int field_index = 0;
  std::vector<std::string> own_virtuals;
  const std::string primary = abi_.primary_base(c);
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
    if (mk == CXCursor_UsingDeclaration && clang_getCXXAccessSpecifier(m) == CX_CXXPublic) {
      // `using Base::Base;` (constructors inherited) or `using Base::f;`: names a base's members
      // brings into this class's public interface.
      const std::string used = spelling(m);
      const std::string previous(e.str("public_using"));
      e.set("public_using", previous + (previous.empty() ? "" : "\x1f") + used);
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
      const long long offset = with_offsets ? clang_Cursor_getOffsetOfField(m) : -1;
      if (offset >= 0) f.set("offset", static_cast<int64_t>(offset));
      if (clang_Cursor_isBitField(m))
        f.set("bits", static_cast<int64_t>(clang_getFieldDeclBitWidth(m)));
      f.set("access", std::string(access_name(clang_getCXXAccessSpecifier(m))));
      e.children.push_back(std::move(f));
      return;
    }
    const auto mat = where(m);
    if (!mat) return;
    std::string member = spelling(m);
    // A class template's constructor is spelled with the parameters' names (`Ring<T>`), which
    // a renamed parameter changes: it is the class's name.
    if ((mk == CXCursor_Constructor || mk == CXCursor_Destructor) && in_template_ > 0)
      member = member.substr(0, member.find('<'));
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
        if (clang_CXXMethod_isVirtual(m) && !abi_.overrides_primary(m, primary)) {
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
  if (abi_.implicit_destructor_slot(c, primary)) own_virtuals.push_back("~" + spelling(c) + "()");
  // Passed by value in registers only when copying is trivial (Itanium "trivial for the
  // purposes of calls"); a user-provided copy/move constructor or destructor moves it to
  // memory, which changes how every function taking or returning it is called.
  if (size >= 0) {
    const ItaniumAbi::CallClass how = abi_.passed_in_memory(c);
    const bool memory = user_copy_or_dtor || how.memory;
    // Until clang answers for the instantiations (load.cpp), their templates' guess.
    bool guessed = memory;
    std::string ask;
    for (const std::string& t : how.ask_clang) {
      guessed = guessed || abi_.guess(t);
      ask += (ask.empty() ? "" : "\x1f") + t;
    }
    e.set("call_in_memory", guessed);
    if (!memory && !ask.empty()) e.set("call_in_memory_unless", ask);
  }
  if (kind != CXCursor_UnionDecl) {
    const Specials sp = special_members_.specials(c);
    std::string what{sp.make, sp.copy, sp.assign};
    std::replace(what.begin(), what.end(), 'p', 'n');  // clients are not derived classes
    e.set("specials", what);
    e.set("specials_declared",
          std::string{sp.make_declared ? 'd' : 'i', sp.copy_declared ? 'd' : 'i',
                      sp.assign_declared ? 'd' : 'i'});
  }
  if (in_template_ > 0) {
    // Part of a class template: judged as source only (checks.cpp).
    e.set("template_member", true);
    for (Entity& child : e.children) child.set("template_member", true);
    own_virtuals.clear();  // slots depend on the arguments' bases: not laid out here
  }
  if (!own_virtuals.empty()) {
    std::string joined;
    for (const auto& v : own_virtuals) joined += (joined.empty() ? "" : "\x1f") + v;
    e.set("virtuals", joined);
  }
  add(std::move(e));
}

void Modeler::enumeration(CXCursor c, const std::string& qualified, SourceRef at) {
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

void Modeler::unnamed_enumeration(CXCursor c, const std::string& scope, SourceRef at) {
  // `typedef enum { ... } Name;` is the enum Name (modelled through its typedef): only a truly
  // unnamed enum, whose type libclang spells "(unnamed enum at ...)", is a set of constants.
  const std::string spelled = text(clang_getTypeSpelling(clang_getCursorType(c)));
  if (spelled.find("(unnamed") == std::string::npos &&
      spelled.find("(anonymous") == std::string::npos) {
    return;
  }
  visit_children(c, [&](CXCursor k) {
    if (clang_getCursorKind(k) != CXCursor_EnumConstantDecl) return;
    const std::string name = spelling(k);
    Entity v = named("variable", scope.empty() ? name : scope + "::" + name, where(k).value_or(at));
    // Compared by value: its type is the unnamed enum's, the same on both sides.
    v.set("type", std::string("enumerator"));
    v.set("enumerator", true);
    v.set("value", std::to_string(clang_getEnumConstantDeclValue(k)));
    add(std::move(v));
  });
}

std::string Modeler::function(CXCursor c, const std::string& qualified, SourceRef at,
                              const std::string& record) {
  const CXType type = clang_getCursorType(c);
  std::string params;
  const int n = clang_Cursor_getNumArguments(c);
  int defaults = 0;
  std::string default_values;  // one word per parameter, "" when it has no default
  for (int i = 0; i < n; ++i) {
    const CXCursor p = clang_Cursor_getArgument(c, static_cast<unsigned>(i));
    // A parameter's top-level const (`int* const p`) is no part of the function's type, nor
    // of its mangled name ([dcl.fct]).
    params += (i == 0 ? "" : ", ") +
              std::string(top_level_unqualified(type_text(clang_getCursorType(p))));
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
  if (in_template_ > 0) {
    // A member of a class template: instantiated (inline) in each client, nothing to import.
    e.set("template_member", true);
    e.set("inline", true);
  } else {
    // Never asked of anything but functions and variables: libclang 14 crashes elsewhere.
    e.set("mangled", text(clang_Cursor_getMangling(c)));
  }
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

void Modeler::variable(CXCursor c, const std::string& qualified, SourceRef at) {
  Entity e = named("variable", qualified, at);
  e.set("type", type_text(clang_getCursorType(c)));
  if (clang_isConstQualifiedType(clang_getCursorType(c))) {
    if (auto v = constant_value(c)) e.set("value", *v);
  }
  if (in_template_ > 0) e.set("template_member", true);
  else e.set("mangled", text(clang_Cursor_getMangling(c)));
  add(std::move(e));
}

void Modeler::macro(CXCursor c, const std::string& name, SourceRef at) {
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
      name.ends_with("_HPP") ||
      (value.empty() && (name.find("INCLUDED") != std::string::npos ||
                         name.find("_H_") != std::string::npos ||  // DICTBUILDER_H_001
                         name.find("_HPP_") != std::string::npos)))
    return;  // include guards and reserved names are not API
  Entity e = named("macro", name, at);
  e.set("value", value);
  if (self_contained(tokens)) macro_names_.push_back(name);
  add(std::move(e));
}

}  // namespace breakwater::cpp
