// A MySQL/MariaDB script cut into statements as the mysql client cuts it: `DELIMITER` lines
// change the terminator (triggers and routines hold `;`), quotes ('...', "...", `...`, with
// backslash escapes) and comments (#, -- , /* */) are skipped, and version comments
// (`/*!40101 SET ... */`, `/*M!100100 ... */`), which the server executes, stay in the text.
// Each statement also gets its words as the server will see them (comments dropped, version
// comments opened, names unquoted, upper case), for deciding what may run.
#pragma once

#include <string>
#include <vector>

namespace breakwater::sql {

struct MysqlStatement {
  size_t begin = 0, end = 0;       // offsets of the statement's text in the file (no delimiter)
  std::vector<std::string> words;  // upper-case keywords and names; a quoted string is "'"
  std::vector<size_t> word_at;     // each word's offset in the file
};

// Throws InputError at `shown`:line:col for an unterminated quote or comment.
std::vector<MysqlStatement> split_mysql(const std::string& text, const std::string& shown);

// What breakwater does with a statement before the embedded server sees it.
enum class MysqlAction {
  run,     // schema DDL: executed
  skip,    // data, session and privilege statements: not executed, not compared
  note,    // not executed, and what it would change is not checked: said at its place
  refuse,  // reads or writes files, loads code, runs dynamic SQL: an error at its place
  routine, // CREATE / DROP PROCEDURE|FUNCTION: not executed (a private server has no
           // mysql.proc), its signature recorded (mysql_routines.hpp)
};

struct MysqlVerdict {
  MysqlAction action = MysqlAction::run;
  std::string why;       // for refuse and note: what the statement does
  size_t word = 0;       // for refuse: the index of the word to point at
};

MysqlVerdict classify_mysql(const MysqlStatement& statement);

// The name written at offset `at` of `text` (a statement's word_at): `quoted` or "quoted"
// (doubled quotes inside), or a bare word; as written, unquoted.
std::string written_name(const std::string& text, size_t at);

// Rewrites `sql` for MariaDB 10.11: `DROP INDEX i ON t LOCK = NONE` loses the LOCK and
// ALGORITHM options MariaDB's DROP INDEX does not take (they change how, not what); MySQL 8's
// collations it lacks (utf8mb4_0900_ai_ci) become
// MariaDB's equivalent (the same Unicode Collation Algorithm, 14.0 in MariaDB against 9.0 in
// MySQL: the same order for the characters schemas use). Returns each (MySQL 8, MariaDB) pair
// replaced.
std::vector<std::pair<std::string, std::string>> for_mariadb(std::string& sql);

}  // namespace breakwater::sql
