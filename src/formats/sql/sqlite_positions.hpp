// Where each SQLite table and column is declared. SQLite keeps no positions, so each statement
// that ran is read for the names it declares, renames or drops, in order, and the places follow
// the objects: a table rebuilt by the usual pattern (CREATE t_new, copy, DROP t, RENAME t_new TO
// t) is found where t_new was written.
#pragma once

#include <breakwater/model.hpp>

#include "core/lines.hpp"

#include <map>
#include <string>

namespace breakwater::sql {

struct SqlitePositions {
  std::map<std::string, SourceRef> tables;                          // lower-case name
  std::map<std::string, std::map<std::string, SourceRef>> columns;  // table -> column
  // The DROP statements' places, by the element's name as findings give it (Schema::removed_at).
  std::map<std::string, SourceRef, std::less<>> removed;

  // Takes the statement text[start, end), which SQLite has just run: CREATE TABLE/VIEW, DROP
  // TABLE/VIEW, ALTER TABLE RENAME TO / RENAME COLUMN / ADD COLUMN / DROP COLUMN.
  void statement(const std::string& text, const Lines& lines, uint32_t file, size_t start,
                 size_t end);
};

}  // namespace breakwater::sql
