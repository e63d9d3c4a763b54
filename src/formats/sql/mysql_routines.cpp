#include "formats/sql/mysql_routines.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace breakwater::sql {
namespace {

bool has(const std::vector<std::string>& w, size_t i, std::string_view word) {
  return i < w.size() && w[i] == word;
}

// The text of words [from, to) as written, spaces collapsed.
std::string text_between(const std::string& text, const MysqlStatement& s, size_t from,
                         size_t to) {
  if (from >= to || from >= s.word_at.size()) return {};
  const size_t begin = s.word_at[from];
  const size_t end = to < s.word_at.size() ? s.word_at[to] : s.end;
  std::string out;
  bool space = false;
  for (size_t i = begin; i < end && i < text.size(); ++i) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Words that end a function's RETURNS type: its characteristics or the body's first word.
bool ends_return_type(std::string_view w) {
  static constexpr std::array<std::string_view, 24> kWords = {
      "LANGUAGE", "DETERMINISTIC", "NOT",    "CONTAINS", "NO",     "READS",  "MODIFIES", "SQL",
      "COMMENT",  "RETURN",        "BEGIN",  "SELECT",   "SET",    "IF",     "CASE",     "DECLARE",
      "WHILE",    "LOOP",          "REPEAT", "CALL",     "INSERT", "UPDATE", "DELETE",   "WITH"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

}  // namespace

std::optional<RoutineHeader> routine_header(const std::string& text, const MysqlStatement& s) {
  const std::vector<std::string>& w = s.words;
  if (w.empty() || (w[0] != "CREATE" && w[0] != "DROP")) return std::nullopt;
  RoutineHeader h;
  h.drop = w[0] == "DROP";
  // The kind comes before any '(' (CREATE DEFINER = `u`@`h` AGGREGATE FUNCTION f(...)).
  size_t k = 1;
  while (k < w.size() && k < 16 && w[k] != "(" && w[k] != "PROCEDURE" && w[k] != "FUNCTION") ++k;
  if (!has(w, k, "PROCEDURE") && !has(w, k, "FUNCTION")) return std::nullopt;
  h.function = w[k] == "FUNCTION";
  ++k;
  if (has(w, k, "IF") && has(w, k + 1, "EXISTS")) k += 2;
  if (has(w, k, "IF") && has(w, k + 1, "NOT") && has(w, k + 2, "EXISTS")) k += 3;
  if (has(w, k + 1, ".")) k += 2;  // db.name
  if (k >= w.size()) return std::nullopt;
  h.name = written_name(text, s.word_at[k]);
  h.name_at = s.word_at[k];
  if (h.drop) return h;
  ++k;
  if (!has(w, k, "(")) return std::nullopt;
  // Parameters: [IN|OUT|INOUT] name type, split at commas outside parentheses.
  int depth = 0;
  size_t start = k + 1;
  size_t i = k;
  for (; i < w.size(); ++i) {
    if (w[i] == "(") ++depth;
    if (w[i] == ")") --depth;
    const bool last = depth == 0;
    if (!(last || (depth == 1 && w[i] == ","))) continue;
    if (i > start) {
      size_t p = start;
      RoutineParam param;
      param.mode = "IN";
      if (!h.function && (w[p] == "IN" || w[p] == "OUT" || w[p] == "INOUT")) param.mode = w[p++];
      param.type = text_between(text, s, p + 1, i);  // past the parameter's name
      h.params.push_back(std::move(param));
    }
    start = i + 1;
    if (last) break;
  }
  if (i >= w.size()) return std::nullopt;
  if (h.function) {
    size_t r = i + 1;
    if (!has(w, r, "RETURNS")) return std::nullopt;
    size_t end = r + 1;
    int type_depth = 0;
    while (end < w.size() && (type_depth > 0 || !ends_return_type(w[end]))) {
      if (w[end] == "(") ++type_depth;
      if (w[end] == ")") --type_depth;
      ++end;
    }
    h.returns = text_between(text, s, r + 1, end);
  }
  return h;
}

}  // namespace breakwater::sql
