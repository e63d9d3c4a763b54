#include "formats/sql/mysql_online_ddl.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace breakwater::sql {
namespace {

bool has(const std::vector<std::string>& w, size_t i, std::string_view word) {
  return i < w.size() && w[i] == word;
}

// The index of the name word at w[k] (db.t: the t).
size_t name_word(const std::vector<std::string>& w, size_t k) {
  return has(w, k + 1, ".") ? k + 2 : k;
}

// The index of the changed table's name in an ALTER TABLE or CREATE [..] INDEX / TABLE, or 0.
size_t table_word(const std::vector<std::string>& w) {
  if (w.empty()) return 0;
  size_t k = 1;
  if (w[0] == "ALTER") {
    while (has(w, k, "ONLINE") || has(w, k, "IGNORE")) ++k;
    if (!has(w, k, "TABLE")) return 0;
    ++k;
    if (has(w, k, "IF") && has(w, k + 1, "EXISTS")) k += 2;
    return k < w.size() ? name_word(w, k) : 0;
  }
  if (w[0] != "CREATE") return 0;
  if (has(w, k, "OR") && has(w, k + 1, "REPLACE")) k += 2;
  while (has(w, k, "UNIQUE") || has(w, k, "FULLTEXT") || has(w, k, "SPATIAL") ||
         has(w, k, "TEMPORARY")) {
    ++k;
  }
  if (has(w, k, "INDEX")) {
    for (size_t i = k + 1; i < w.size() && i < k + 8; ++i) {
      if (w[i] == "ON") return i + 1 < w.size() ? name_word(w, i + 1) : 0;
    }
    return 0;
  }
  if (!has(w, k, "TABLE")) return 0;
  ++k;
  if (has(w, k, "IF") && has(w, k + 1, "NOT") && has(w, k + 2, "EXISTS")) k += 3;
  return k < w.size() ? name_word(w, k) : 0;
}

// "ALGORITHM=INSTANT is not supported. Reason: Cannot change column type. Try ALGORITHM=COPY":
// the reason, if the engine gave one.
std::string reason_in(const std::string& message) {
  const size_t at = message.find("Reason: ");
  if (at == std::string::npos) return {};
  const size_t from = at + 8;
  const size_t end = message.find(". Try ", from);
  return message.substr(from, end == std::string::npos ? std::string::npos : end - from);
}

// An ALTER TABLE's clauses: the words between commas at parenthesis depth 0, after the table's
// name, and whether the clause adds a column (`ADD [COLUMN] name type ...`, not an index, key,
// constraint or partition) with the index of that column's name.
struct AlterClause {
  size_t begin = 0, end = 0;  // words [begin, end)
  bool adds_column = false;
  size_t column_name = 0;
};

std::vector<AlterClause> alter_clauses(const std::vector<std::string>& w, size_t table) {
  static constexpr std::array<std::string_view, 14> kNotColumn = {
      "INDEX",   "KEY",   "UNIQUE",   "PRIMARY", "FOREIGN", "CONSTRAINT", "FULLTEXT",
      "SPATIAL", "CHECK", "PARTITION", "PERIOD",  "SYSTEM",  "IF",         "("};
  std::vector<AlterClause> out;
  AlterClause clause{table + 1, table + 1, false, 0};
  int depth = 0;
  for (size_t i = table + 1; i <= w.size(); ++i) {
    if (i < w.size() && w[i] == "(") ++depth;
    if (i < w.size() && w[i] == ")") --depth;
    if (i < w.size() && (depth != 0 || w[i] != ",")) continue;
    clause.end = i;
    if (clause.begin < clause.end && w[clause.begin] == "ADD") {
      const size_t name = has(w, clause.begin + 1, "COLUMN") ? clause.begin + 2 : clause.begin + 1;
      clause.adds_column = name < clause.end && std::find(kNotColumn.begin(), kNotColumn.end(),
                                                          w[name]) == kNotColumn.end();
      clause.column_name = name;
    }
    if (clause.begin < clause.end) out.push_back(clause);
    clause = AlterClause{i + 1, i + 1, false, 0};
  }
  return out;
}

// Where MySQL 8's InnoDB copies the table but MariaDB's does not (MariaDB answers the probe,
// so these are known from MySQL's manual and bug reports): converting the character set
// (`CONVERT TO CHARACTER SET`, which MariaDB does in place when the stored bytes stay valid),
// and a column added with its own CHECK (MariaDB adds it instantly). The reason, or "".
std::string mysql8_copy_reason(const std::vector<std::string>& w, size_t table) {
  for (const AlterClause& c : alter_clauses(w, table)) {
    if (w[c.begin] == "CONVERT" && has(w, c.begin + 1, "TO") &&
        (has(w, c.begin + 2, "CHARACTER") || has(w, c.begin + 2, "CHARSET"))) {
      return "MySQL 8 converts a character set by copying; MariaDB does it in place";
    }
    int depth = 0;
    for (size_t i = c.begin; c.adds_column && i < c.end; ++i) {
      depth += w[i] == "(" ? 1 : w[i] == ")" ? -1 : 0;
      if (depth == 0 && i > c.column_name && w[i] == "CHECK") {
        return "MySQL 8 copies the table to add a column with its own CHECK; MariaDB adds it "
               "instantly";
      }
    }
  }
  return {};
}

}  // namespace

std::string changed_table(const std::string& text, const MysqlStatement& s) {
  const size_t k = table_word(s.words);
  return k == 0 ? std::string() : written_name(text, s.word_at[k]);
}

bool creates_table(const MysqlStatement& s) {
  const size_t k = table_word(s.words);
  if (k == 0 || s.words[0] != "CREATE") return false;
  const auto head_end = s.words.begin() + static_cast<std::ptrdiff_t>(k);
  return std::find(s.words.begin(), head_end, "INDEX") == head_end;
}

OnlineVerdict run_probing_online(MysqlSession& session, const std::string& sql,
                                 const MysqlStatement& s) {
  const bool alter = !s.words.empty() && s.words[0] == "ALTER";
  if (table_word(s.words) == 0 || (!alter && creates_table(s))) {
    return {OnlineCost::online, {}, false, session.run(sql)};
  }
  // The author's own ALGORITHM / LOCK options are what production runs: no probe overrides
  // them. COPY, or a SHARED / EXCLUSIVE lock, is what it says; INSTANT, NOCOPY or LOCK=NONE the
  // server guarantees (it refuses the statement otherwise).
  const std::vector<std::string>& w = s.words;
  bool stated = false;
  OnlineCost stated_cost = OnlineCost::online;
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] != "ALGORITHM" && w[i] != "LOCK") continue;
    const size_t v = has(w, i + 1, "=") ? i + 2 : i + 1;
    if (v >= w.size()) continue;
    stated = true;
    if (w[i] == "ALGORITHM" && w[v] == "COPY") stated_cost = OnlineCost::copy;
    if (w[i] == "LOCK" && (w[v] == "SHARED" || w[v] == "EXCLUSIVE") &&
        stated_cost != OnlineCost::copy) {
      stated_cost = OnlineCost::blocks_writes;
    }
  }
  if (stated) {
    if (auto e = session.run(sql)) return {OnlineCost::online, {}, false, std::move(e)};
    return {stated_cost, {}, true, std::nullopt};
  }
  struct Attempt {
    const char* alter;
    const char* index;
    OnlineCost cost;
  };
  // On a line of its own: the statement may end in a -- comment.
  // INSTANT may take a moment's exclusive metadata lock (a rename, a new ENUM member), which
  // LOCK=NONE would refuse: it is asked first, on its own.
  static constexpr std::array<Attempt, 4> kAttempts = {{
      {"\n, ALGORITHM=INSTANT", "\nALGORITHM=INSTANT", OnlineCost::online},
      {"\n, ALGORITHM=NOCOPY, LOCK=NONE", "\nALGORITHM=NOCOPY LOCK=NONE", OnlineCost::online},
      {"\n, ALGORITHM=INPLACE, LOCK=NONE", "\nALGORITHM=INPLACE LOCK=NONE", OnlineCost::rebuild},
      {"\n, ALGORITHM=INPLACE", "\nALGORITHM=INPLACE", OnlineCost::blocks_writes},
  }};
  std::string reason;
  bool refused_every_option = true;
  for (const Attempt& a : kAttempts) {
    const std::optional<MysqlError> e = session.run(sql + (alter ? a.alter : a.index));
    if (!e) {
      // The costlier of the two servers: a migration may run on either.
      if (std::string mysql8 = alter ? mysql8_copy_reason(s.words, table_word(s.words)) : "";
          !mysql8.empty()) {
        return {OnlineCost::copy, std::move(mysql8), false, std::nullopt};
      }
      return {a.cost, reason, false, std::nullopt};
    }
    // 1845/1846: the option refused, nothing changed. Anything else (the statement's own error,
    // or a statement that takes no option where we put it): the statement as written decides.
    if (e->code != 1845 && e->code != 1846) {
      refused_every_option = false;
      break;
    }
    reason = reason_in(e->message);  // why the option just refused is not possible
  }
  if (auto e = session.run(sql)) return {OnlineCost::online, {}, false, std::move(e)};
  return {refused_every_option ? OnlineCost::copy : OnlineCost::online, reason, false, std::nullopt};
}

bool adds_column_mid_table(const MysqlStatement& s) {
  const std::vector<std::string>& w = s.words;
  if (w.empty() || w[0] != "ALTER") return false;
  const size_t table = table_word(w);
  if (table == 0) return false;
  for (const AlterClause& c : alter_clauses(w, table)) {
    if (!c.adds_column) continue;
    // The position closes the clause, after the column's name (a column may be named FIRST).
    if (c.end - 1 > c.column_name && w[c.end - 1] == "FIRST") return true;
    if (c.end - 2 > c.column_name && w[c.end - 2] == "AFTER") return true;
  }
  return false;
}

}  // namespace breakwater::sql
