// SQLite DDL on SQLite's own engine: the statements run in a private in-memory database under
// an authorizer that admits schema changes only, with a work budget; the schema is then read
// back through SQLite's own introspection (pragma_table_xinfo, index and foreign-key lists).
#pragma once

#include <breakwater/model.hpp>

#include <string>
#include <vector>

namespace breakwater::sql {

struct SqlFile {
  std::string shown;  // path as reports show it
  std::string text;
  uint32_t id = 0;  // index in Schema::files
};

// Fills `schema.roots` with the tables (columns, unique/PK constraints, foreign keys) and views
// the files leave. Syntax errors, refused statements (ATTACH, VACUUM INTO, data changes...) and
// an exhausted budget throw InputError at file:line:col.
void load_sqlite(const std::vector<SqlFile>& files, Schema& schema);

// Whether `text` loads as SQLite (for the hint on a PostgreSQL syntax error).
bool parses_as_sqlite(const std::string& text);

}  // namespace breakwater::sql
