// Token-level reading of declarations. See tokens.hpp.
#include "formats/cpp/tokens.hpp"

#include "formats/cpp/clang_handles.hpp"
#include "formats/cpp/constants.hpp"
#include "formats/cpp/cursors.hpp"

#include <algorithm>

namespace breakwater::cpp {
namespace {

// Where the operand starting at `i` ends: a literal or name, optionally called `F(...)` or
// cast `static_cast<T>(...)`, a signed operand, a parenthesised group without a top-level
// comma, or a C-style cast `(T)` before an operand. npos when it is none of these.
size_t operand_end(const std::vector<std::string>& t, size_t i) {
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

}  // namespace

std::vector<std::string> tokens_of(CXCursor c) {
  CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
  CXToken* tokens = nullptr;
  unsigned count = 0;
  CXSourceRange range = clang_getCursorExtent(c);
  // Tokenized where the declaration is written after macro expansion: one a macro wrote
  // (`template <typename S, FMT_ENABLE_IF(cond)>`) has an extent that starts inside the macro's
  // definition, and tokenizing that would run over whatever lies between it and the use.
  // Only then: clang_getLocationForOffset scans every source-manager entry of the unit (a
  // fifth of the whole load's time when done for every parameter). libclang 14's
  // clang_getSpellingLocation answers with the file location, so a macro location is told by
  // its encoding: CXSourceLocation holds clang's raw SourceLocation, whose top bit marks a
  // location inside a macro expansion.
  const auto in_macro = [](CXSourceLocation l) { return (l.int_data & 0x80000000u) != 0; };
  if (in_macro(clang_getRangeStart(range)) || in_macro(clang_getRangeEnd(range))) {
    CXFile start_file = nullptr, end_file = nullptr;
    unsigned start = 0, end = 0;
    clang_getExpansionLocation(clang_getRangeStart(range), &start_file, nullptr, nullptr, &start);
    clang_getExpansionLocation(clang_getRangeEnd(range), &end_file, nullptr, nullptr, &end);
    if (start_file != nullptr && clang_File_isEqual(start_file, end_file) && start <= end) {
      range = clang_getRange(clang_getLocationForOffset(tu, start_file, start),
                             clang_getLocationForOffset(tu, end_file, end));
    }
  }
  clang_tokenize(tu, range, &tokens, &count);
  std::vector<std::string> out;
  out.reserve(count);
  for (unsigned i = 0; i < count; ++i) out.push_back(text(clang_getTokenSpelling(tu, tokens[i])));
  clang_disposeTokens(tu, tokens, count);
  return out;
}

std::optional<std::string> default_of(CXCursor param) {
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

std::string noexcept_of(CXCursor c) {
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

std::string template_default_tokens(const std::vector<std::string>& tokens,
                                    std::vector<std::string>::const_iterator eq,
                                    const std::vector<std::string>& names) {
  std::string value;
  int depth = 0;
  for (auto t = eq + 1; t != tokens.end(); ++t) {
    const int closes = *t == ">" ? 1 : *t == ">>" ? 2 : 0;
    if (*t == "<") ++depth;
    if (closes > 0 && depth - closes < 0) {
      if (depth > 0) value += " >";  // `>>` closing the argument and the list
      break;
    }
    depth -= closes;
    if (*t == "," && depth == 0) break;
    const auto named = std::find(names.begin(), names.end(), *t);
    value += (value.empty() ? "" : " ") +
             (named != names.end() ? "#" + std::to_string(named - names.begin()) : *t);
  }
  return value;
}

bool self_contained(const std::vector<std::string>& tokens) {
  return operand_end(tokens, 1) == tokens.size();
}

}  // namespace breakwater::cpp
