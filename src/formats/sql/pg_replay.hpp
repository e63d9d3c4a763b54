// PostgreSQL statements replayed into the schema state they leave. The parse trees are
// PostgreSQL's own nodes (libpg_query's raw parser); only the replay's sources see the server
// headers (through pg_nodes.hpp), never the users of this header.
#pragma once

#include <breakwater/model.hpp>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace breakwater {
class Lines;
}

namespace breakwater::sql {

// What the statements so far have built, carried from one migration file to the next.
struct PgState {
  std::map<std::string, Entity> tables, views, sequences, schemas, types, functions;
  std::map<std::string, Entity> triggers;  // by table.trigger
  std::vector<Entity> migration_facts;  // LOCKING issues and explicit renames, per file
  std::vector<Diagnostic> warnings;
  std::set<std::string> parents;  // tables with partitions or inheriting children
  std::map<std::string, SourceRef, std::less<>> removed;  // Schema::removed_at
  // Columns with data that a DROP COLUMN removed ("table.column"): where, and in which file.
  std::map<std::string, std::pair<SourceRef, std::string>> dropped_columns;
};

// Splits `text` with PostgreSQL's scanner, parses each statement and applies it to `state`.
// `relative` names the file within its migration folder. A syntax error throws InputError at
// file:line:col of the offending token.
void replay_postgres(PgState& state, uint32_t file_id, const std::string& text, const Lines& lines,
                     const std::string& shown, const std::string& relative);

}  // namespace breakwater::sql
