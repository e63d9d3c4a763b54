#include "formats/sql/ddl_positions.hpp"

#include <cctype>
#include <string_view>
#include <vector>

namespace breakwater::sql {
namespace {

struct Token {
  std::string text;     // lower case; identifiers unquoted
  size_t at = 0;        // offset in the file
  std::string spelled;  // as written, unquoted
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

// The statement's tokens up to its first '(' (included as a token), comments skipped; enough
// for the names a DDL statement's head carries.
std::vector<Token> head(const std::string& text, size_t start, size_t end, size_t most = 16) {
  std::vector<Token> out;
  size_t i = start;
  while (i < end && out.size() < most) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (text.compare(i, 2, "--") == 0) {
      const size_t eol = text.find('\n', i);
      i = eol == std::string::npos ? end : eol + 1;
    } else if (text.compare(i, 2, "/*") == 0) {
      const size_t close = text.find("*/", i + 2);
      i = close == std::string::npos ? end : close + 2;
    } else if (c == '"' || c == '`' || c == '[') {
      const char close = c == '[' ? ']' : c;
      std::string name;
      size_t j = i + 1;
      for (; j < end; ++j) {
        if (text[j] == close) {
          if (close != ']' && j + 1 < end && text[j + 1] == close) {
            name += close;  // "" inside a quoted name
            ++j;
            continue;
          }
          break;
        }
        name += text[j];
      }
      out.push_back({lower(name), i, name});
      i = j + 1;
    } else if (word_char(c)) {
      size_t j = i;
      while (j < end && word_char(text[j])) ++j;
      const std::string word = text.substr(i, j - i);
      out.push_back({lower(word), i, word});
      i = j;
    } else {
      out.push_back({std::string(1, c), i, std::string(1, c)});
      if (c == '(') break;
      ++i;
    }
  }
  return out;
}

// From tokens[i]: an optionally schema-qualified name; i moves past it.
const Token* name_at(const std::vector<Token>& t, size_t& i) {
  if (i >= t.size()) return nullptr;
  if (i + 2 < t.size() && t[i + 1].text == ".") i += 2;
  return &t[i++];
}

bool is(const std::vector<Token>& t, size_t i, std::string_view word) {
  return i < t.size() && t[i].text == word;
}

// The column names of a CREATE TABLE body, text[open] being its '(': the first word of each
// comma-separated part at depth 1 (table constraints add harmless entries such as "primary").
// Literals, quoted names and comments are skipped whole, with any comma inside them.
std::map<std::string, SourceRef> columns_in(const std::string& text, const Lines& lines,
                                            uint32_t file, size_t open, size_t end) {
  std::map<std::string, SourceRef> out;
  int depth = 0;
  bool part_start = false;
  const auto skip_to = [&](size_t stop) { return stop == std::string::npos || stop >= end ? end : stop; };
  for (size_t i = open; i < end; ++i) {
    const char c = text[i];
    if (text.compare(i, 2, "--") == 0) {
      i = skip_to(text.find('\n', i));
      continue;
    }
    if (text.compare(i, 2, "/*") == 0) {
      i = skip_to(text.find("*/", i + 2)) + 1;
      continue;
    }
    if (depth == 1 && part_start && !std::isspace(static_cast<unsigned char>(c)) && c != ')') {
      part_start = false;
      const std::vector<Token> name = head(text, i, end, 1);
      if (!name.empty() && name.front().text != "(") {
        const auto [line, column] = lines.at(name.front().at);
        out[name.front().text] = SourceRef{file, line, column};
      }
    }
    if (c == '\'' || c == '"' || c == '`' || c == '[') {
      i = skip_to(text.find(c == '[' ? ']' : c, i + 1));
    } else if (c == '(') {
      part_start = ++depth == 1;
    } else if (c == ')') {
      if (--depth == 0) break;
    } else if (c == ',' && depth == 1) {
      part_start = true;
    }
  }
  return out;
}

}  // namespace

void DdlPositions::statement(const std::string& text, const Lines& lines, uint32_t file,
                                size_t start, size_t end) {
  const std::vector<Token> t = head(text, start, end);
  const auto ref = [&](size_t at) {
    const auto [line, column] = lines.at(at);
    return SourceRef{file, line, column};
  };
  size_t i = 1;
  if (is(t, 0, "create") &&
      (is(t, 1, "index") || (is(t, 1, "unique") && is(t, 2, "index")))) {
    // CREATE [UNIQUE] INDEX name ON table: where the index (a unique one: a constraint) is.
    i = is(t, 1, "unique") ? 3 : 2;
    if (is(t, i, "if") && is(t, i + 1, "not") && is(t, i + 2, "exists")) i += 3;
    const Token* index = name_at(t, i);
    if (index == nullptr || !is(t, i, "on")) return;
    ++i;
    if (const Token* table = name_at(t, i)) constraints[table->text][index->text] = ref(t[0].at);
    return;
  }
  if (is(t, 0, "create")) {
    while (is(t, i, "temp") || is(t, i, "temporary")) ++i;
    const bool table = is(t, i, "table");
    if (!table && !is(t, i, "view")) return;
    ++i;
    if (is(t, i, "if") && is(t, i + 1, "not") && is(t, i + 2, "exists")) i += 3;
    const Token* name = name_at(t, i);
    if (name == nullptr) return;
    tables[name->text] = ref(name->at);
    columns.erase(name->text);
    removed.erase(prefix + name->spelled);
    if (!table || !is(t, i, "(")) return;
    columns[name->text] = columns_in(text, lines, file, t[i].at, end);
  } else if (is(t, 0, "drop")) {
    if (!is(t, 1, "table") && !is(t, 1, "view")) return;
    i = 2;
    if (is(t, i, "if") && is(t, i + 1, "exists")) i += 2;
    if (const Token* name = name_at(t, i)) {
      tables.erase(name->text);
      columns.erase(name->text);
      removed[prefix + name->spelled] = ref(t[0].at);
    }
  } else if (is(t, 0, "rename") && is(t, 1, "table")) {
    // MySQL: RENAME TABLE a TO b (the first pair).
    i = 2;
    const Token* from = name_at(t, i);
    if (from == nullptr || !is(t, i, "to")) return;
    ++i;
    const Token* to = name_at(t, i);
    if (to == nullptr) return;
    tables[to->text] = tables[from->text];
    columns[to->text] = std::move(columns[from->text]);
    tables.erase(from->text);
    columns.erase(from->text);
    removed.erase(prefix + to->spelled);
    renames.push_back({true, prefix + from->spelled, prefix + to->spelled, ref(t[0].at)});
  } else if (is(t, 0, "alter") && is(t, 1, "table")) {
    i = 2;
    const Token* name = name_at(t, i);
    if (name == nullptr) return;
    const std::string table = name->text;
    for (size_t k = i; k + 1 < t.size(); ++k) {
      if (t[k].text == "convert" && t[k + 1].text == "to") converted[table] = ref(t[0].at);
    }
    const auto renamed_column = [&](const Token& from, const Token& to) {
      if (from.text == to.text) return;
      const std::string owner = prefix + name->spelled + ".";
      renames.push_back({false, owner + from.spelled, owner + to.spelled, ref(t[0].at)});
    };
    // RENAME [TO|AS] new (MySQL takes all three spellings; SQLite RENAME TO).
    const size_t new_name = is(t, i + 1, "to") || is(t, i + 1, "as") ? i + 2 : i + 1;
    if (is(t, i, "rename") && !is(t, i + 1, "column") && !is(t, i + 1, "index") &&
        !is(t, i + 1, "key") && new_name < t.size() &&
        (new_name == i + 2 || !is(t, new_name + 1, "to"))) {
      const std::string to = t[new_name].text;
      removed.erase(prefix + t[new_name].spelled);
      renames.push_back({true, prefix + name->spelled, prefix + t[new_name].spelled, ref(t[0].at)});
      tables[to] = tables[table];  // where the table was declared, under its new name
      columns[to] = std::move(columns[table]);
      tables.erase(table);
      columns.erase(table);
    } else if (is(t, i, "rename")) {
      ++i;
      if (is(t, i, "column")) ++i;
      if (i + 2 < t.size() && t[i + 1].text == "to") {
        auto& cols = columns[table];
        const auto it = cols.find(t[i].text);
        cols[t[i + 2].text] = it != cols.end() ? it->second : ref(t[i + 2].at);
        if (it != cols.end() && t[i].text != t[i + 2].text) cols.erase(t[i].text);
        renamed_column(t[i], t[i + 2]);
      }
    } else if (is(t, i, "change")) {
      // MySQL: CHANGE [COLUMN] old new type: the column is now declared here.
      ++i;
      if (is(t, i, "column")) ++i;
      if (i + 1 < t.size()) {
        auto& cols = columns[table];
        cols.erase(t[i].text);
        cols[t[i + 1].text] = ref(t[i + 1].at);
        renamed_column(t[i], t[i + 1]);
      }
    } else if (is(t, i, "modify")) {
      // MySQL: MODIFY [COLUMN] c type: the column's definition is now here.
      ++i;
      if (is(t, i, "column")) ++i;
      if (i < t.size()) columns[table][t[i].text] = ref(t[i].at);
    } else if (is(t, i, "add")) {
      ++i;
      const size_t clause = i;
      if (is(t, i, "constraint")) {
        // ADD CONSTRAINT name ...: the constraint is declared here.
        if (i + 1 < t.size() && t[i + 1].text != "(") constraints[table][t[i + 1].text] = ref(t[clause].at);
      } else if (is(t, i, "unique") || is(t, i, "primary") || is(t, i, "foreign") ||
                 is(t, i, "index") || is(t, i, "key")) {
        // ADD UNIQUE [KEY|INDEX] [name] (...), ADD PRIMARY KEY, ADD FOREIGN KEY [name].
        if (is(t, i, "primary")) {
          constraints[table]["primary"] = ref(t[clause].at);
          return;
        }
        ++i;
        if (is(t, i, "key") || is(t, i, "index")) ++i;
        constraints[table][i < t.size() && t[i].text != "(" ? t[i].text : ""] = ref(t[clause].at);
      } else {
        if (is(t, i, "column")) ++i;
        if (i < t.size()) columns[table][t[i].text] = ref(t[i].at);
      }
    } else if (is(t, i, "drop")) {
      ++i;
      if (is(t, i, "column")) ++i;
      if (i < t.size()) {
        columns[table].erase(t[i].text);
        removed[prefix + name->spelled + "." + t[i].spelled] = ref(t[0].at);
      }
    }
  }
}

}  // namespace breakwater::sql
