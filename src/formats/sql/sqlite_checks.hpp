// CHECK constraints of a SQLite table, read from the CREATE TABLE text SQLite stored for it
// (sqlite_schema.sql): SQLite keeps no catalog of them.
#pragma once

#include <string>
#include <vector>

namespace breakwater::sql {

struct SqliteCheck {
  std::string column;     // the column it is written on, empty for a table constraint
  std::string condition;  // normalised: lower case outside literals, single spaces
  std::string name;       // CONSTRAINT name, if any
};

// `create_table` has already been accepted by SQLite, so only its tokens need telling apart:
// string literals, quoted identifiers and comments are skipped when looking for CHECK.
std::vector<SqliteCheck> sqlite_checks(const std::string& create_table);

}  // namespace breakwater::sql
