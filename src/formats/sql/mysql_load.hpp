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
void load_mysql(const std::vector<SqlFile>& files, Schema& schema);

}  // namespace breakwater::sql
