#pragma once

#include <breakwater/check.hpp>
#include <breakwater/model.hpp>

#include "formats/sql/options.hpp"

#include <filesystem>
#include <string>

namespace breakwater::sql {

// A .sql file or a directory of them (replayed in file-name order).
bool claims(const std::filesystem::path& path);
// Parses with PostgreSQL's grammar (libpg_query) and replays the statements into tables,
// columns and enums. Syntax errors throw InputError at file:line:col.
Schema load(const std::string& path, const LoadOptions& options, const Options& own);

}  // namespace breakwater::sql
