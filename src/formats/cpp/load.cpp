// C++ headers into the common model, through libclang's C API. Only this file and the other
// sources of this folder see clang-c.
#include "formats/cpp/load.hpp"

#include "core/paths.hpp"
#include "formats/cpp/clang_handles.hpp"
#include "formats/cpp/flags.hpp"

#include <algorithm>
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
  Modeler(Schema& schema, fs::path root, Entity& api)
      : schema_(schema), root_(std::move(root)), api_(api) {}

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
      const fs::path rel = abs.lexically_relative(root_);
      uint32_t id = 0;
      if (!rel.empty() && *rel.begin() != "..") id = schema_.add_file(detail::shown_path(abs));
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
    const std::string qualified = scope.empty() ? name : scope + "::" + name;
    switch (kind) {
      case CXCursor_Namespace:
        if (!name.empty()) {
          // An inline namespace is part of every mangled name inside it but not of the API:
          // its declarations keep their outer names (a changed symbol shows in `mangled`).
          walk(c, clang_Cursor_isInlineNamespace(c) ? scope : qualified);
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
        add(std::move(e));
        return;
      }
      case CXCursor_VarDecl:
        variable(c, qualified, *at);
        return;
      case CXCursor_ClassTemplate:
      case CXCursor_FunctionTemplate:
      case CXCursor_TypeAliasTemplateDecl: {
        Entity e = named("template", qualified, *at);
        add(std::move(e));
        return;
      }
      case CXCursor_MacroDefinition:
        macro(c, name, *at);
        return;
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
    api_.children.push_back(std::move(e));
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
          // A new vtable slot: a virtual that overrides nothing (an overrider reuses the slot
          // of what it overrides; covariant returns and secondary bases are not modelled).
          CXCursor* overridden = nullptr;
          unsigned overrides = 0;
          clang_getOverriddenCursors(m, &overridden, &overrides);
          clang_disposeOverriddenCursors(overridden);
          if (clang_CXXMethod_isVirtual(m) && overrides == 0) {
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
    if (!own_virtuals.empty()) {
      std::string joined;
      for (const auto& v : own_virtuals) joined += (joined.empty() ? "" : "\x1f") + v;
      e.set("virtuals", joined);
    }
    add(std::move(e));
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
        memory = clang_isVirtualBase(m) ||
                 passed_in_memory(clang_getTypeDeclaration(clang_getCursorType(m)));
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

  // Whether a parameter declaration spells a default argument (an `=` in its tokens; array
  // bounds and decltype(...) are expressions too, so children do not tell).
  static bool spelled_with_default(CXCursor param) {
    CXTranslationUnit tu = clang_Cursor_getTranslationUnit(param);
    CXToken* tokens = nullptr;
    unsigned count = 0;
    clang_tokenize(tu, clang_getCursorExtent(param), &tokens, &count);
    bool found = false;
    for (unsigned i = 0; i < count && !found; ++i) {
      found = clang_getTokenKind(tokens[i]) == CXToken_Punctuation &&
              text(clang_getTokenSpelling(tu, tokens[i])) == "=";
    }
    clang_disposeTokens(tu, tokens, count);
    return found;
  }

  // A function or method; returns its signature within its scope, "name(params) quals".
  std::string function(CXCursor c, const std::string& qualified, SourceRef at,
                       const std::string& record) {
    const CXType type = clang_getCursorType(c);
    std::string params;
    const int n = clang_Cursor_getNumArguments(c);
    int defaults = 0;
    for (int i = 0; i < n; ++i) {
      const CXCursor p = clang_Cursor_getArgument(c, static_cast<unsigned>(i));
      params += (i == 0 ? "" : ", ") + type_text(clang_getCursorType(p));
      const bool has_default = spelled_with_default(p);
      defaults = has_default ? defaults + 1 : 0;
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
    if (clang_Cursor_isFunctionInlined(c)) e.set("inline", true);
    const int spec = clang_getCursorExceptionSpecificationType(c);
    if (spec == CXCursor_ExceptionSpecificationKind_BasicNoexcept ||
        spec == CXCursor_ExceptionSpecificationKind_DynamicNone)
      e.set("noexcept", true);
    // Never asked of anything but functions and variables: libclang 14 crashes elsewhere.
    e.set("mangled", text(clang_Cursor_getMangling(c)));
    add(std::move(e));
    return signature;
  }

  void variable(CXCursor c, const std::string& qualified, SourceRef at) {
    Entity e = named("variable", qualified, at);
    e.set("type", type_text(clang_getCursorType(c)));
    if (clang_isConstQualifiedType(clang_getCursorType(c))) {
      const EvalResultHandle r(clang_Cursor_Evaluate(c));
      if (r) {
        switch (clang_EvalResult_getKind(r.get())) {
          case CXEval_Int:
            e.set("value", std::to_string(clang_EvalResult_getAsLongLong(r.get())));
            break;
          case CXEval_Float: {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", clang_EvalResult_getAsDouble(r.get()));
            e.set("value", std::string(buf));
            break;
          }
          case CXEval_StrLiteral:
            e.set("value", "\"" + std::string(clang_EvalResult_getAsStr(r.get())) + "\"");
            break;
          default:
            break;
        }
      }
    }
    e.set("mangled", text(clang_Cursor_getMangling(c)));
    add(std::move(e));
  }

  void macro(CXCursor c, const std::string& name, SourceRef at) {
    if (clang_Cursor_isMacroBuiltin(c) || clang_Cursor_isMacroFunctionLike(c)) return;
    // The value as written: the tokens after the name.
    CXToken* tokens = nullptr;
    unsigned count = 0;
    CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
    clang_tokenize(tu, clang_getCursorExtent(c), &tokens, &count);
    std::string value;
    for (unsigned i = 1; i < count; ++i) {
      value += (i == 1 ? "" : " ") + text(clang_getTokenSpelling(tu, tokens[i]));
    }
    clang_disposeTokens(tu, tokens, count);
    if (name.starts_with("__") || name.ends_with("_H") || name.ends_with("_H_") ||
        name.ends_with("_HPP") || (value.empty() && name.find("INCLUDED") != std::string::npos))
      return;  // include guards and reserved names are not API
    Entity e = named("macro", name, at);
    e.set("value", value);
    add(std::move(e));
  }

  Schema& schema_;
  fs::path root_;
  Entity& api_;
  std::map<std::string, uint32_t>
      files_;  // file name as libclang spells it -> file id (0: outside)
  std::set<std::string> seen_;
  std::map<std::string, bool> in_memory_;  // by USR, see passed_in_memory()
};

[[noreturn]] void compile_error(CXTranslationUnit tu, const fs::path& root) {
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

Parsed parse_headers(const std::string& path, const LoadOptions& options) {
  const fs::path input(path);
  std::error_code ec;
  if (!fs::exists(input, ec)) throw InputError(Location{path, 0, 0}, "no such file or directory");
  const bool dir = fs::is_directory(input, ec);
  const fs::path parent = input.parent_path().empty() ? fs::path(".") : input.parent_path();
  const fs::path root = fs::absolute(dir ? input : parent).lexically_normal();
  const std::vector<fs::path> headers = dir ? headers_under(input) : std::vector<fs::path>{input};
  const std::string boundary =
      options.link_boundary.empty() ? root.string() : options.link_boundary;
  if (const auto refused = refused_flag(options.compile_flags, boundary)) {
    throw InputError(options.compile_flags_at, *refused);
  }
  std::vector<std::string> args = {"-x", "c++", "-I" + root.string()};
  const bool has_std = std::any_of(options.compile_flags.begin(), options.compile_flags.end(),
                                   [](const std::string& f) { return f.starts_with("-std="); });
  if (!has_std) args.push_back("-std=c++17");
  for (const std::string& inc : options.include_paths) args.push_back("-I" + inc);
  args.insert(args.end(), options.compile_flags.begin(), options.compile_flags.end());
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
    if (error) compile_error(tu.get(), root);
  }
  return Parsed{std::move(index), std::move(tu), root};  // the unit goes before its index
}

}  // namespace

void parse_only(const std::string& path, const LoadOptions& options) {
  parse_headers(path, options);
}

Schema load(const std::string& path, const LoadOptions& options) {
  const Parsed parsed = parse_headers(path, options);
  const fs::path& root = parsed.root;
  Schema schema;
  schema.format = "cpp";
  schema.root = path;
  Entity api;
  api.kind = "api";
  api.key = ".";
  api.name = path;
  Modeler modeler(schema, root, api);
  modeler.walk(clang_getTranslationUnitCursor(parsed.tu.get()), "");
  std::stable_sort(api.children.begin(), api.children.end(), [](const Entity& a, const Entity& b) {
    return std::tie(a.kind, a.key) < std::tie(b.kind, b.key);
  });
  schema.roots.push_back(std::move(api));
  return schema;
}

}  // namespace breakwater::cpp
