// Dialect detection and statement splitting for PostgreSQL files. See pg_split.hpp.
#include "formats/sql/pg_split.hpp"
#include "formats/sql/sqlite_load.hpp"

#include <breakwater/check.hpp>

#include "core/lines.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

extern "C" {
#include <pg_query.h>
}

namespace breakwater::sql {
namespace {

struct SplitResult {
  PgQuerySplitResult result;
  explicit SplitResult(const std::string& text)
      : result(pg_query_split_with_scanner(text.c_str())) {}
  ~SplitResult() { pg_query_free_split_result(result); }
  SplitResult(const SplitResult&) = delete;
  SplitResult& operator=(const SplitResult&) = delete;
};

bool iequals_prefix(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

// Whether [from, to) holds nothing but whitespace, comments and semicolons.
bool only_separators(const std::string& sql, size_t from, size_t to) {
  size_t i = from;
  while (i < to) {
    if (std::isspace(static_cast<unsigned char>(sql[i])) || sql[i] == ';') {
      ++i;
    } else if (sql.compare(i, 2, "--") == 0) {
      const size_t eol = sql.find('\n', i);
      i = eol == std::string::npos ? to : eol + 1;
    } else if (sql.compare(i, 2, "/*") == 0) {
      const size_t close = sql.find("*/", i + 2);
      i = close == std::string::npos ? to : close + 2;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

bool looks_like_mysql(const std::string& text) {
  // Marks in the code only: a comment or a string may quote anything (a PostgreSQL migration
  // whose comment writes `updated_at` in backquotes, as Markdown does).
  const auto word_at = [&](size_t i, std::string_view word) {
    return text.compare(i, word.size(), word) == 0;
  };
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (word_at(i, "--")) {
      const size_t eol = text.find('\n', i);
      i = eol == std::string::npos ? text.size() : eol + 1;
    } else if (word_at(i, "/*")) {
      const size_t close = text.find("*/", i + 2);
      i = close == std::string::npos ? text.size() : close + 2;
    } else if (c == '\'') {
      const size_t close = text.find('\'', i + 1);  // '' inside is two strings: the same
      i = close == std::string::npos ? text.size() : close + 1;
    } else if (c == '$' && i + 1 < text.size() &&
               (text[i + 1] == '$' || std::isalpha(static_cast<unsigned char>(text[i + 1])))) {
      // A dollar-quoted body: $$ ... $$ or $tag$ ... $tag$.
      const size_t tag_end = text.find('$', i + 1);
      const std::string tag = tag_end == std::string::npos ? "" : text.substr(i, tag_end - i + 1);
      const bool is_tag = !tag.empty() && std::all_of(tag.begin() + 1, tag.end() - 1, [](char t) {
        return std::isalnum(static_cast<unsigned char>(t)) || t == '_';
      });
      if (!is_tag) {
        ++i;
        continue;
      }
      const size_t close = text.find(tag, tag_end + 1);
      i = close == std::string::npos ? text.size() : close + tag.size();
    } else if (word_at(i, "ENGINE=") || word_at(i, "AUTO_INCREMENT")) {
      return true;
    } else if (c == '`') {
      size_t j = i + 1;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_'))
        ++j;
      if (j > i + 1 && j < text.size() && text[j] == '`') return true;
      i = j;
    } else {
      ++i;
    }
  }
  return false;
}

// libpg_query reports errors as a 1-based character position in the statement.
[[noreturn]] void syntax_error(const std::string& text, const Lines& lines,
                               const std::string& shown, size_t statement_offset,
                               int char_in_statement, std::string message) {
  int chars_before = 0;
  for (size_t i = 0; i < statement_offset; ++i) {
    chars_before += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  const auto [line, column] = lines.at(lines.byte_of_char(chars_before + char_in_statement));
  if (parses_as_sqlite(text)) {
    message += " (this parses as SQLite: use --dialect sqlite, or name the file *.sqlite.sql)";
  } else if (looks_like_mysql(text)) {
    message += " (this looks like MySQL: use --dialect mysql, or name the file *.mysql.sql)";
  }
  throw InputError(Location{shown, line, column}, message);
}

// psql meta-commands are not SQL: pg_dump writes `\restrict KEY` / `\unrestrict KEY` around
// its output (15.14+), `\connect` between databases, and COPY ... FROM stdin data ended by
// `\.`. They are blanked in place (same byte offsets, so positions stay true) before the
// scanner sees the text. Includes (`\i`, `\ir`) are never followed: a warning says so.
std::optional<std::string> without_psql_commands(const std::string& text, uint32_t file,
                                                 const Lines& lines,
                                                 std::vector<Diagnostic>& warnings) {
  std::optional<std::string> out;  // copied at the first line to blank: most files have none
  bool in_copy_data = false;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool meta = line.starts_with("\\");
    if (in_copy_data || meta) {
      if (meta && !in_copy_data &&
          (line.starts_with("\\i ") || line.starts_with("\\ir ") ||
           line.starts_with("\\include"))) {
        const auto [l, c] = lines.at(start);
        warnings.push_back({SourceRef{file, l, c},
                            "psql include is not followed; the included file is not compared"});
      }
      in_copy_data = in_copy_data && line != "\\.";
      if (!out) out = text;
      std::fill(out->begin() + static_cast<std::ptrdiff_t>(start),
                out->begin() + static_cast<std::ptrdiff_t>(end), ' ');
    } else {
      std::string_view trimmed = line;
      while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back())))
        trimmed.remove_suffix(1);
      if (iequals_prefix(line, "COPY ") && trimmed.size() >= 11 &&
          iequals_prefix(trimmed.substr(trimmed.size() - 11), "FROM stdin;")) {
        in_copy_data = true;
      }
    }
    start = end + 1;
  }
  return out;
}

namespace {

// Words of sql[from, to) in capitals, outside literals, quoted names, dollar bodies and comments.
std::vector<std::string> words_of(const std::string& sql, size_t from, size_t to) {
  std::vector<std::string> out;
  for (size_t i = from; i < to;) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      const size_t close = sql.find(c, i + 1);
      i = close == std::string::npos || close >= to ? to : close + 1;
    } else if (sql.compare(i, 2, "--") == 0) {
      const size_t eol = sql.find('\n', i);
      i = eol == std::string::npos || eol >= to ? to : eol + 1;
    } else if (sql.compare(i, 2, "/*") == 0) {
      const size_t close = sql.find("*/", i + 2);
      i = close == std::string::npos || close >= to ? to : close + 2;
    } else if (c == '$') {
      const size_t tag_end = sql.find('$', i + 1);
      if (tag_end == std::string::npos || tag_end >= to) break;
      const std::string tag = sql.substr(i, tag_end - i + 1);
      const size_t close = sql.find(tag, tag_end + 1);
      i = close == std::string::npos || close >= to ? to : close + tag.size();
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t j = i;
      std::string w;
      while (j < to && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_')) {
        w += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[j])));
        ++j;
      }
      out.push_back(std::move(w));
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

// PostgreSQL 14's SQL-standard function bodies (`BEGIN ATOMIC ... END`) hold `;`, which the
// scanner's split cuts at; psql keeps them whole by counting BEGIN/CASE against END, and so
// does this: pieces are joined until the body's END.
std::vector<std::pair<size_t, size_t>> joined_atomic_bodies(
    const std::string& sql, const std::vector<std::pair<size_t, size_t>>& pieces) {
  std::vector<std::pair<size_t, size_t>> out;
  int depth = 0;
  for (const auto& [offset, length] : pieces) {
    if (depth > 0) {
      out.back().second = offset + length - out.back().first;
    } else {
      out.emplace_back(offset, length);
    }
    const std::vector<std::string> words = words_of(sql, offset, offset + length);
    for (size_t i = 0; i < words.size(); ++i) {
      if (depth == 0) {
        if (words[i] == "BEGIN" && i + 1 < words.size() && words[i + 1] == "ATOMIC") {
          depth = 1;
          ++i;
        }
      } else if (words[i] == "CASE" || words[i] == "BEGIN") {
        ++depth;
      } else if (words[i] == "END") {
        --depth;
      }
    }
  }
  return out;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> split_statements(const std::string& sql,
                                                        const std::string& text, const Lines& lines,
                                                        const std::string& shown) {
  // The scanner keeps a copy of every token until it ends (about three times the text): a
  // file is split a window at a time, each window ending before the last statement that starts
  // in it (which may be cut), and the next starting there. A window that cuts a quote or a
  // comment (a scanner error), or holds less than one whole statement, is doubled and read
  // again, so the cost stays linear and an error is reported where the whole file has it.
  constexpr size_t kWindow = size_t{1} << 20;
  std::vector<std::pair<size_t, size_t>> found;  // (offset, length) in `sql`
  size_t start = 0;
  size_t window = kWindow;
  while (start < sql.size()) {
    const bool last = sql.size() - start <= window;
    const std::string part = sql.substr(start, last ? std::string::npos : window);
    const SplitResult split(part);
    if (split.result.error != nullptr) {
      if (!last) {
        window *= 2;
        continue;
      }
      syntax_error(text, lines, shown, start, split.result.error->cursorpos,
                   split.result.error->message);
    }
    int whole = split.result.n_stmts;
    if (!last && whole < 2) {
      window *= 2;
      continue;
    }
    if (!last) --whole;
    for (int i = 0; i < whole; ++i) {
      const PgQuerySplitStmt& st = *split.result.stmts[i];
      const size_t offset = static_cast<size_t>(st.stmt_location);
      const size_t length =
          st.stmt_len == 0 ? part.size() - offset : static_cast<size_t>(st.stmt_len);
      found.emplace_back(start + offset, length);
    }
    if (last) break;
    start += static_cast<size_t>(split.result.stmts[whole]->stmt_location);
    window = kWindow;
  }
  // The scanner's split drops a statement that holds no keyword ("garbage;", a typo such as
  // "CRATE TABLE"), so the text between the statements it found is parsed too: nothing may be
  // skipped without an error.
  std::vector<std::pair<size_t, size_t>> pieces;
  size_t covered = 0;
  for (const auto& [offset, length] : found) {
    if (!only_separators(sql, covered, offset)) pieces.emplace_back(covered, offset - covered);
    pieces.emplace_back(offset, length);
    covered = offset + length;
  }
  if (!only_separators(sql, covered, sql.size()))
    pieces.emplace_back(covered, sql.size() - covered);
  return joined_atomic_bodies(sql, pieces);
}

}  // namespace breakwater::sql
