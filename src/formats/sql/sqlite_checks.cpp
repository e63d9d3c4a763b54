#include "formats/sql/sqlite_checks.hpp"

#include <cctype>

namespace breakwater::sql {
namespace {

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// The end of the quoted token starting at `i` ('…', "…", `…`, […]), doubled quotes included.
size_t skip_quoted(const std::string& s, size_t i) {
  const char close = s[i] == '[' ? ']' : s[i];
  for (size_t j = i + 1; j < s.size(); ++j) {
    if (s[j] != close) continue;
    if (close != ']' && j + 1 < s.size() && s[j + 1] == close) {
      ++j;
      continue;
    }
    return j + 1;
  }
  return s.size();
}

size_t skip_comment(const std::string& s, size_t i) {
  if (s.compare(i, 2, "--") == 0) {
    const size_t eol = s.find('\n', i);
    return eol == std::string::npos ? s.size() : eol + 1;
  }
  const size_t close = s.find("*/", i + 2);
  return close == std::string::npos ? s.size() : close + 2;
}

bool is_quote(char c) {
  return c == '\'' || c == '"' || c == '`' || c == '[';
}

bool at_comment(const std::string& s, size_t i) {
  return s.compare(i, 2, "--") == 0 || s.compare(i, 2, "/*") == 0;
}

std::string unquoted(std::string name) {
  if (name.size() >= 2 && is_quote(name.front())) name = name.substr(1, name.size() - 2);
  return name;
}

// One spelling per condition: keywords and names in lower case, literals kept, a space only
// where two words would otherwise run together.
std::string normalise(const std::string& s, size_t begin, size_t end) {
  std::string out;
  bool space = false;
  for (size_t i = begin; i < end;) {
    if (std::isspace(static_cast<unsigned char>(s[i]))) {
      space = true;
      ++i;
    } else if (at_comment(s, i)) {
      space = true;
      i = skip_comment(s, i);
    } else {
      if (space && !out.empty() && word_char(out.back()) && word_char(s[i])) out += ' ';
      space = false;
      if (s[i] == '\'') {
        const size_t e = skip_quoted(s, i);
        out.append(s, i, e - i);
        i = e;
      } else {
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
        ++i;
      }
    }
  }
  return out;
}

}  // namespace

std::vector<SqliteCheck> sqlite_checks(const std::string& sql) {
  std::vector<SqliteCheck> out;
  int depth = 0;
  std::string element_column, last_name;
  bool element_start = false;
  for (size_t i = 0; i < sql.size();) {
    const char c = sql[i];
    if (is_quote(c) || word_char(c)) {
      const size_t e = is_quote(c) ? skip_quoted(sql, i) : [&] {
        size_t j = i;
        while (j < sql.size() && word_char(sql[j])) ++j;
        return j;
      }();
      const std::string token = sql.substr(i, e - i);
      std::string lowered;
      for (char ch : token)
        lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (depth == 1 && element_start) {
        // Table constraints start with CONSTRAINT or CHECK (or PRIMARY, UNIQUE, FOREIGN);
        // anything else, and any quoted word, names a column.
        const bool keyword =
            !is_quote(c) && (lowered == "constraint" || lowered == "check" ||
                             lowered == "primary" || lowered == "unique" || lowered == "foreign");
        element_column = keyword ? "" : unquoted(token);
        element_start = false;
      }
      if (depth == 1 && lowered == "constraint" && !is_quote(c)) {
        size_t j = e;
        while (j < sql.size() && std::isspace(static_cast<unsigned char>(sql[j]))) ++j;
        size_t k = is_quote(sql[j]) ? skip_quoted(sql, j) : j;
        while (k < sql.size() && !is_quote(sql[j]) && word_char(sql[k])) ++k;
        last_name = unquoted(sql.substr(j, k - j));
      }
      if (depth == 1 && lowered == "check" && !is_quote(c)) {
        size_t open = e;
        while (open < sql.size() && sql[open] != '(') ++open;
        int d = 0;
        size_t close = open;
        for (; close < sql.size(); ++close) {
          if (is_quote(sql[close])) {
            close = skip_quoted(sql, close) - 1;
          } else if (at_comment(sql, close)) {
            close = skip_comment(sql, close) - 1;
          } else if (sql[close] == '(') {
            ++d;
          } else if (sql[close] == ')' && --d == 0) {
            break;
          }
        }
        SqliteCheck check;
        check.column = element_column;
        check.condition = normalise(sql, open + 1, close);
        check.name = last_name;
        last_name.clear();
        out.push_back(std::move(check));
        i = close + 1;
        continue;
      }
      i = e;
    } else if (at_comment(sql, i)) {
      i = skip_comment(sql, i);
    } else {
      if (c == '(' && ++depth == 1) element_start = true;
      if (c == ')') --depth;
      if (c == ',' && depth == 1) {
        element_start = true;
        last_name.clear();
      }
      ++i;
    }
  }
  return out;
}

}  // namespace breakwater::sql
