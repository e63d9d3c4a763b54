#include "formats/sql/mysql_script.hpp"

#include "core/lines.hpp"

#include <breakwater/check.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace breakwater::sql {
namespace {

bool ieq(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

class Splitter {
 public:
  Splitter(const std::string& text, const std::string& shown) : t_(text), shown_(shown) {}

  std::vector<MysqlStatement> run() {
    std::string delimiter = ";";
    size_t i = 0;
    bool at_line_start = true;
    while (i < t_.size()) {
      // DELIMITER is a client command, read at the start of a line between statements.
      if (at_line_start && current_.words.empty() && starts_delimiter(i)) {
        size_t eol = t_.find('\n', i);
        if (eol == std::string::npos) eol = t_.size();
        std::string_view rest(t_.data() + i + 9, eol - i - 9);
        while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.front()))) rest.remove_prefix(1);
        while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.back()))) rest.remove_suffix(1);
        if (rest.empty()) fail(i, "DELIMITER without a delimiter");
        delimiter = std::string(rest);
        i = eol;
        begin_ = std::string::npos;
        continue;
      }
      const char c = t_[i];
      if (c == '\n') at_line_start = true;
      else if (!std::isspace(static_cast<unsigned char>(c))) at_line_start = false;
      if (t_.compare(i, delimiter.size(), delimiter) == 0 && open_version_ == 0 &&
          block_depth_ == 0) {
        finish(i);
        i += delimiter.size();
        continue;
      }
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++i;
      } else if (c == '#' || (t_.compare(i, 2, "--") == 0 &&
                              (i + 2 >= t_.size() || std::isspace(static_cast<unsigned char>(t_[i + 2])) ||
                               std::iscntrl(static_cast<unsigned char>(t_[i + 2]))))) {
        const size_t eol = t_.find('\n', i);
        i = eol == std::string::npos ? t_.size() : eol;
      } else if (t_.compare(i, 3, "/*!") == 0 || t_.compare(i, 4, "/*M!") == 0) {
        // A version comment: its body is SQL the server runs.
        start(i);
        i += t_[i + 2] == 'M' ? 4 : 3;
        while (i < t_.size() && std::isdigit(static_cast<unsigned char>(t_[i]))) ++i;
        ++open_version_;
      } else if (open_version_ > 0 && t_.compare(i, 2, "*/") == 0) {
        --open_version_;
        i += 2;
      } else if (t_.compare(i, 2, "/*") == 0) {
        const size_t close = t_.find("*/", i + 2);
        if (close == std::string::npos) fail(i, "unterminated comment");
        i = close + 2;
      } else if (c == '\'' || c == '"' || c == '`') {
        start(i);
        const size_t close = quoted_end(i);
        if (c == '`' || c == '"') {
          // A quoted name (or, outside ANSI_QUOTES, a string: either way not a keyword).
          add_word(c == '`' ? upper(unquote(i, close)) : "'", i);
        } else {
          add_word("'", i);
        }
        i = close + 1;
      } else if (word_char(c)) {
        start(i);
        size_t j = i;
        // A delimiter may follow a word directly (`END$$`) and be made of word characters.
        // (Not at the word's first character: inside a routine body or a version comment the
        // delimiter is no end, and the word must still move on.)
        while (j < t_.size() && word_char(t_[j]) &&
               (j == i || delimiter == ";" || t_.compare(j, delimiter.size(), delimiter) != 0)) {
          ++j;
        }
        add_word(upper(std::string_view(t_.data() + i, j - i)), i);
        i = j;
      } else {
        start(i);
        add_word(std::string(1, c), i);
        ++i;
      }
    }
    if (open_version_ > 0) fail(t_.size(), "unterminated version comment");
    finish(t_.size());
    return std::move(out_);
  }

 private:
  bool starts_delimiter(size_t i) const {
    while (i < t_.size() && (t_[i] == ' ' || t_[i] == '\t')) ++i;
    return i + 9 <= t_.size() && ieq(std::string_view(t_.data() + i, 9), "delimiter") &&
           i + 9 < t_.size() && std::isspace(static_cast<unsigned char>(t_[i + 9]));
  }
  void start(size_t i) {
    if (begin_ == std::string::npos) begin_ = i;
  }
  void add_word(std::string w, size_t at) {
    track_blocks(w);
    current_.words.push_back(std::move(w));
    current_.word_at.push_back(at);
  }
  // A routine or trigger body sent without DELIMITER (applications send a file as one
  // multi-statement string, which the server takes whole): its inner `;` end no statement.
  // BEGIN and CASE open a block, END closes one; END IF/LOOP/WHILE/REPEAT close blocks whose
  // openers are not counted.
  void track_blocks(const std::string& w) {
    const std::vector<std::string>& words = current_.words;
    if (words.empty() || words[0] != "CREATE") return;
    if (!routine_) {
      // The kind comes before any '(' (CREATE DEFINER = x PROCEDURE p(...)).
      const bool in_head = words.size() < 16 &&
                           std::find(words.begin(), words.end(), "(") == words.end();
      routine_ = in_head && (w == "PROCEDURE" || w == "FUNCTION" || w == "TRIGGER" || w == "EVENT");
      return;
    }
    const std::string& previous = words.back();
    if (previous == "END" && (w == "IF" || w == "LOOP" || w == "WHILE" || w == "REPEAT")) {
      ++block_depth_;  // the END before it was not a block's end
    } else if (previous == "END" && w == "CASE") {
      // END CASE closes a CASE statement: counted at END already.
    } else if (w == "BEGIN" || w == "CASE") {
      ++block_depth_;
    } else if (w == "END" && block_depth_ > 0) {
      --block_depth_;
    }
  }
  void finish(size_t end) {
    if (begin_ != std::string::npos && !current_.words.empty()) {
      current_.begin = begin_;
      current_.end = end;
      out_.push_back(std::move(current_));
    }
    current_ = {};
    begin_ = std::string::npos;
    block_depth_ = 0;
    routine_ = false;
  }
  size_t quoted_end(size_t i) const {
    const char q = t_[i];
    for (size_t j = i + 1; j < t_.size(); ++j) {
      if (t_[j] == '\\' && q != '`') {
        ++j;
      } else if (t_[j] == q) {
        if (j + 1 < t_.size() && t_[j + 1] == q) {
          ++j;  // a doubled quote
          continue;
        }
        return j;
      }
    }
    fail(i, "unterminated quoted text");
  }
  std::string unquote(size_t open, size_t close) const {
    std::string out;
    for (size_t j = open + 1; j < close; ++j) {
      out += t_[j];
      if (t_[j] == t_[open] && j + 1 < close && t_[j + 1] == t_[open]) ++j;
    }
    return out;
  }
  [[noreturn]] void fail(size_t at, const std::string& message) const {
    const auto [line, column] = Lines(t_).at(at);
    throw InputError(Location{shown_, line, column}, message);
  }

  const std::string& t_;
  const std::string& shown_;
  std::vector<MysqlStatement> out_;
  MysqlStatement current_;
  size_t begin_ = std::string::npos;
  int open_version_ = 0;
  int block_depth_ = 0;   // open BEGIN/CASE blocks of a routine body
  bool routine_ = false;  // the statement defines a routine or trigger
};

bool has(const std::vector<std::string>& w, size_t i, std::string_view word) {
  return i < w.size() && w[i] == word;
}

// Session variables a schema script sets that change how DDL reads (mysqldump's header).
bool harmless_variable(std::string_view name) {
  static constexpr std::array<std::string_view, 14> kAllowed = {
      "SQL_MODE",          "NAMES",           "CHARACTER_SET_CLIENT", "CHARACTER_SET_RESULTS",
      "COLLATION_CONNECTION", "CHARACTER_SET_CONNECTION", "FOREIGN_KEY_CHECKS", "UNIQUE_CHECKS",
      "TIME_ZONE",         "SQL_NOTES",       "SQL_QUOTE_SHOW_CREATE", "CHARACTER",
      "DEFAULT_STORAGE_ENGINE", "STORAGE_ENGINE"};
  return std::find(kAllowed.begin(), kAllowed.end(), name) != kAllowed.end();
}

// SET a = x, @b = y, @@session.c = z: each assignment's target decides. User variables and
// the settings that change how DDL reads run (mysqldump saves and restores them); a statement
// with any other assignment is skipped whole: a global setting could point the server's logs
// at any file (mysqldump's own SET @@GLOBAL.GTID_PURGED is one such, harmlessly skipped).
MysqlVerdict classify_set(const std::vector<std::string>& w) {
  bool all_run = true;
  int depth = 0;
  bool at_target = true;
  for (size_t i = 1; i < w.size(); ++i) {
    if (w[i] == "(") ++depth;
    if (w[i] == ")") --depth;
    if (depth == 0 && w[i] == ",") {
      at_target = true;
      continue;
    }
    if (!at_target || depth != 0) continue;
    at_target = false;
    size_t k = i;
    bool user = false;
    if (w[k] == "@" && has(w, k + 1, "@")) {
      k += 2;
      if (has(w, k + 1, ".")) {
        if (w[k] != "SESSION" && w[k] != "LOCAL") all_run = false;  // GLOBAL, PERSIST
        k += 2;
      }
    } else if (w[k] == "@") {
      user = true;
    } else if (w[k] == "GLOBAL" || w[k] == "PERSIST" || w[k] == "PERSIST_ONLY") {
      all_run = false;
    } else if (w[k] == "SESSION" || w[k] == "LOCAL") {
      ++k;
    }
    if (!user && (k >= w.size() || !harmless_variable(w[k]))) all_run = false;
  }
  return {all_run ? MysqlAction::run : MysqlAction::skip, {}, 0};
}

}  // namespace

std::vector<MysqlStatement> split_mysql(const std::string& text, const std::string& shown) {
  return Splitter(text, shown).run();
}

MysqlVerdict classify_mysql(const MysqlStatement& s) {
  const std::vector<std::string>& w = s.words;
  const auto refuse = [](size_t word, std::string why) {
    return MysqlVerdict{MysqlAction::refuse, std::move(why), word};
  };
  // Anywhere in a statement: file access and code loading.
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] == "INTO" && (has(w, i + 1, "OUTFILE") || has(w, i + 1, "DUMPFILE"))) {
      return refuse(i, "SELECT ... INTO " + w[i + 1] + " writes a file");
    }
    if ((w[i] == "DATA" || w[i] == "INDEX") && has(w, i + 1, "DIRECTORY")) {
      return refuse(i, w[i] + " DIRECTORY places table files outside the server's folder");
    }
    if (w[i] == "SONAME") return refuse(i, "SONAME loads a shared library");
    if (w[i] == "LOAD_FILE") return refuse(i, "LOAD_FILE() reads a file");
    if (w[i] == "ENGINE" || w[i] == "TYPE") {
      size_t e = i + 1;
      if (has(w, e, "=")) ++e;
      if (e < w.size()) {
        static constexpr std::array<std::string_view, 7> kRemote = {
            "CONNECT", "FEDERATED", "FEDERATEDX", "SPIDER", "S3", "OQGRAPH", "SPHINX"};
        if (std::find(kRemote.begin(), kRemote.end(), w[e]) != kRemote.end()) {
          return refuse(e, "ENGINE=" + w[e] + " reaches files or servers outside");
        }
      }
    }
  }
  if (w.empty()) return {MysqlAction::skip, {}, 0};
  const std::string& first = w[0];
  if (first == "LOAD") return refuse(0, "LOAD reads a file");
  if (first == "INSTALL" || first == "UNINSTALL") return refuse(0, first + " loads code");
  if ((first == "CREATE" || first == "ALTER" || first == "DROP") && has(w, 1, "SERVER")) {
    return refuse(0, first + " SERVER names a remote server");
  }
  if (first == "PREPARE" || first == "EXECUTE") {
    return refuse(0, first + " runs SQL built from a string, which cannot be vetted");
  }
  if (first == "CALL") {
    return {MysqlAction::note, "CALL is not run: what the routine changes is not checked", 0};
  }
  if (first == "BINLOG") return refuse(0, "BINLOG replays raw events");
  if (first == "SET") return classify_set(w);
  if (first == "CREATE" || first == "ALTER" || first == "DROP" || first == "RENAME") {
    size_t k = 1;
    // CREATE [OR REPLACE] [DEFINER = x] [SQL SECURITY y] [ALGORITHM = z] VIEW ...
    while (k < w.size() && k < 12 && (w[k] == "OR" || w[k] == "REPLACE" || w[k] == "DEFINER" ||
                                      w[k] == "=" || w[k] == "SQL" || w[k] == "SECURITY" ||
                                      w[k] == "ALGORITHM" || w[k] == "ONLINE" ||
                                      w[k] == "IGNORE" || w[k] == "TEMPORARY" ||
                                      w[k] == "UNIQUE" || w[k] == "FULLTEXT" ||
                                      w[k] == "SPATIAL" || w[k] == "AGGREGATE")) {
      ++k;
    }
    const std::string object = k < w.size() ? w[k] : "";
    // Routines need the server's system tables, which a private embedded server has none of:
    // their signatures are recorded instead (ALTER PROCEDURE changes only characteristics).
    // The kind comes before any '(' (past OR REPLACE, DEFINER = user@host, IF EXISTS).
    for (size_t r = 1; r < w.size() && r < 16 && w[r] != "("; ++r) {
      if (w[r] == "EVENT") return {MysqlAction::note, first + " EVENT is not compared yet", 0};
      if (w[r] == "PROCEDURE" || w[r] == "FUNCTION") {
        if (first == "ALTER") return {MysqlAction::skip, {}, 0};  // characteristics only
        return {MysqlAction::routine, {}, 0};
      }
      if (w[r] == "TRIGGER" || w[r] == "VIEW" || w[r] == "TABLE" || w[r] == "INDEX") break;
    }
    // Databases: one script is one schema, loaded into breakwater's own database.
    if (object == "DATABASE" || object == "SCHEMA") return {MysqlAction::skip, {}, 0};
    if (object == "USER" || object == "ROLE") return {MysqlAction::skip, {}, 0};
    return {MysqlAction::run, {}, 0};
  }
  // Data, transactions, locks, privileges, maintenance, database switches: not schema.
  return {MysqlAction::skip, {}, 0};
}

std::string written_name(const std::string& text, size_t at) {
  if (at >= text.size()) return {};
  const char q = text[at];
  if (q == '`' || q == '"') {
    std::string name;
    for (size_t i = at + 1; i < text.size(); ++i) {
      if (text[i] != q) {
        name += text[i];
      } else if (i + 1 < text.size() && text[i + 1] == q) {
        name += q;
        ++i;
      } else {
        break;
      }
    }
    return name;
  }
  size_t end = at;
  while (end < text.size() && word_char(text[end])) ++end;
  return text.substr(at, end - at);
}

namespace {

// `DROP INDEX i ON t [ALGORITHM [=] x] [LOCK [=] y]`: the trailing options dropped.
void drop_index_options(std::string& sql) {
  size_t i = sql.find_first_not_of(" \t\r\n");
  if (i == std::string::npos || !ieq(std::string_view(sql).substr(i, 4), "DROP")) return;
  i = sql.find_first_not_of(" \t\r\n", i + 4);
  if (i == std::string::npos || !ieq(std::string_view(sql).substr(i, 5), "INDEX")) return;
  for (;;) {
    size_t end = sql.find_last_not_of(" \t\r\n");
    if (end == std::string::npos) return;
    size_t start = end + 1;
    while (start > 0 && word_char(sql[start - 1])) --start;  // the option's value
    size_t k = start;
    while (k > 0 && std::isspace(static_cast<unsigned char>(sql[k - 1]))) --k;
    if (k > 0 && sql[k - 1] == '=') --k;
    while (k > 0 && std::isspace(static_cast<unsigned char>(sql[k - 1]))) --k;
    size_t name = k;
    while (name > 0 && word_char(sql[name - 1])) --name;
    const std::string_view option = std::string_view(sql).substr(name, k - name);
    if (start > end || (!ieq(option, "LOCK") && !ieq(option, "ALGORITHM"))) return;
    sql.erase(name);
  }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> for_mariadb(std::string& sql) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kCollations = {{
      {"utf8mb4_0900_ai_ci", "utf8mb4_uca1400_ai_ci"},
      {"utf8mb4_0900_as_ci", "utf8mb4_uca1400_as_ci"},
      {"utf8mb4_0900_as_cs", "utf8mb4_uca1400_as_cs"},
      {"utf8mb4_0900_bin", "utf8mb4_bin"},
  }};
  std::vector<std::pair<std::string, std::string>> replaced;
  drop_index_options(sql);
  if (sql.find("_0900_") == std::string::npos) return replaced;

  std::string lowered = sql;
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [mysql8, mariadb] : kCollations) {
    bool any = false;
    for (size_t at = lowered.find(mysql8); at != std::string::npos; at = lowered.find(mysql8, at)) {
      sql.replace(at, mysql8.size(), mariadb);
      lowered.replace(at, mysql8.size(), mariadb);
      at += mariadb.size();
      any = true;
    }
    if (any) replaced.emplace_back(mysql8, mariadb);
  }
  return replaced;
}

}  // namespace breakwater::sql
