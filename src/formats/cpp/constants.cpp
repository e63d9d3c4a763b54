#include "formats/cpp/constants.hpp"

#include "formats/cpp/clang_handles.hpp"

#include <cstdio>
#include <string_view>

namespace breakwater::cpp {

std::optional<std::string> constant_value(CXCursor c) {
  const EvalResultHandle r(clang_Cursor_Evaluate(c));
  if (!r) return std::nullopt;
  switch (clang_EvalResult_getKind(r.get())) {
    case CXEval_Int:
      return clang_EvalResult_isUnsignedInt(r.get())
                 ? std::to_string(clang_EvalResult_getAsUnsigned(r.get()))
                 : std::to_string(clang_EvalResult_getAsLongLong(r.get()));
    case CXEval_Float: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", clang_EvalResult_getAsDouble(r.get()));
      return std::string(buf);
    }
    case CXEval_StrLiteral:
      return "\"" + std::string(clang_EvalResult_getAsStr(r.get())) + "\"";
    default:
      return std::nullopt;
  }
}

std::map<std::string, std::string> evaluate_macros(void* index,
                                                   const std::vector<std::string>& definitions,
                                                   const std::vector<std::string>& names) {
  std::map<std::string, std::string> out;
  if (names.empty()) return out;
  // The standard's size_t and fixed-width integers, which masks and limits use
  // (`sizeof(size_t) == 8 ? ... : ...`): system headers, not the repository's.
  std::string source = "#include <stddef.h>\n#include <stdint.h>\n";
  for (const std::string& d : definitions) source += d + "\n";
  // One probe per macro; a macro that is no expression makes its own line an error, which
  // leaves the other probes alone.
  for (size_t i = 0; i < names.size(); ++i) {
    source += "constexpr auto breakwater_probe_" + std::to_string(i) + " = " + names[i] + ";\n";
  }
  const char* name = "<breakwater macro probes>.cpp";
  CXUnsavedFile unsaved{name, source.c_str(), static_cast<unsigned long>(source.size())};
  const char* args[] = {"-x", "c++", "-std=c++17", "-ferror-limit=0", "-w"};
  CXTranslationUnit raw = nullptr;
  clang_parseTranslationUnit2(index, name, args, 5, &unsaved, 1, CXTranslationUnit_None, &raw);
  const TranslationUnitHandle tu(raw);
  if (!tu) return out;
  struct Walk {
    const std::vector<std::string>* names;
    std::map<std::string, std::string>* out;
  } walk{&names, &out};
  clang_visitChildren(
      clang_getTranslationUnitCursor(tu.get()),
      [](CXCursor c, CXCursor, CXClientData data) {
        auto& w = *static_cast<Walk*>(data);
        if (clang_getCursorKind(c) != CXCursor_VarDecl) return CXChildVisit_Continue;
        const std::string var = text(clang_getCursorSpelling(c));
        constexpr std::string_view prefix = "breakwater_probe_";
        if (var.rfind(prefix, 0) != 0) return CXChildVisit_Continue;
        const size_t i = std::stoul(var.substr(prefix.size()));
        if (clang_isInvalidDeclaration(c)) return CXChildVisit_Continue;
        const std::optional<std::string> value = constant_value(c);
        if (!value || i >= w.names->size()) return CXChildVisit_Continue;
        // The type too: `16` and `16u` convert differently where they are used.
        std::string type = text(clang_getTypeSpelling(clang_getCursorType(c)));
        // constexpr's own top-level const: `const int`, `const char *const`.
        if (type.size() > 6 && type.compare(type.size() - 6, 6, " const") == 0) {
          type.erase(type.size() - 6);
        } else if (type.size() > 6 && type.compare(type.size() - 6, 6, "*const") == 0) {
          type.erase(type.size() - 5);
        } else if (type.rfind("const ", 0) == 0) {
          type.erase(0, 6);
        }
        (*w.out)[(*w.names)[i]] = *value + " (" + type + ")";
        return CXChildVisit_Continue;
      },
      &walk);
  return out;
}

}  // namespace breakwater::cpp
