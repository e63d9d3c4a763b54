// SQLite DDL on SQLite's own engine: the statements run in a private in-memory database under
// an authorizer that admits schema changes only, with a work budget; the schema is then read
// back through SQLite's own introspection (pragma_table_xinfo, index and foreign-key lists).
#pragma once

#include <breakwater/model.hpp>

#include <string>
#include <vector>

namespace breakwater::sql {

struct SqlFile {
  std::string shown;     // path as reports show it
  std::string relative;  // path inside the input folder (the file's name for a single file)
  std::string text;
  uint32_t id = 0;  // index in Schema::files
};

// Fills `schema.roots` with the tables (columns, unique/PK constraints, foreign keys) and views
// the files leave. Syntax errors, refused statements (ATTACH, VACUUM INTO, data changes...) and
// an exhausted budget throw InputError at file:line:col. For a folder of `migrations`, each
// file and its explicit renames are recorded too (migration_facts.hpp).
void load_sqlite(const std::vector<SqlFile>& files, Schema& schema, bool migrations = false);

// Whether `text` loads as SQLite (for the hint on a PostgreSQL syntax error).
bool parses_as_sqlite(const std::string& text);

}  // namespace breakwater::sql
