// MySQL and MariaDB DDL on MariaDB's own engine: each statement breakwater lets through
// (mysql_script.hpp) runs in the embedded server (mysql_server.hpp), in order; the schema is then
// read back through information_schema: tables and views, columns with their full types,
// defaults, nullability and generation, primary and unique keys, foreign keys and checks.
#pragma once

#include <breakwater/model.hpp>

#include "formats/sql/sqlite_load.hpp"  // SqlFile

#include <vector>

namespace breakwater::sql {

// Fills `schema.roots` from the files, applied in order. A statement the server rejects, or
// breakwater refuses (files, plugins, dynamic SQL), throws InputError at its file:line:col.
// For a folder of `migrations`, each file, its explicit renames and what each ALTER TABLE or
// CREATE INDEX on an existing table costs running traffic (mysql_online_ddl.hpp) are recorded
// too (migration_facts.hpp).
void load_mysql(const std::vector<SqlFile>& files, Schema& schema, bool migrations);

}  // namespace breakwater::sql
