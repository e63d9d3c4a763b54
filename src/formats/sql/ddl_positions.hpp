// Where each table and column is declared, for the engines that keep no positions (SQLite,
// MariaDB): each statement that ran is read for the names it declares, renames or drops, in
// order, and the places follow the objects: a table rebuilt by the usual pattern (CREATE t_new,
// copy, DROP t, RENAME t_new TO t) is found where t_new was written.
#pragma once

#include <breakwater/model.hpp>

#include "core/lines.hpp"

#include <map>
#include <string>
#include <vector>

namespace breakwater::sql {

struct DdlPositions {
  std::string prefix = "main.";  // before a table's name in findings (SQLite's schema)
  std::map<std::string, SourceRef> tables;                          // lower-case name
  std::map<std::string, std::map<std::string, SourceRef>> columns;  // table -> column
  // Constraints and unique indexes added after their table (ALTER TABLE ADD, CREATE INDEX):
  // table -> lower-case name ("primary" for a primary key, "" for an unnamed one).
  std::map<std::string, std::map<std::string, SourceRef>> constraints;
  // The DROP statements' places, by the element's name as findings give it (Schema::removed_at).
  std::map<std::string, SourceRef, std::less<>> removed;
  // MySQL's ALTER TABLE … CONVERT TO CHARACTER SET: the last one per table (lower-case name),
  // where the columns' collation changed.
  std::map<std::string, SourceRef> converted;
  // Explicit renames, in order: RENAME TABLE, ALTER TABLE RENAME [TO|AS], RENAME COLUMN and
  // MySQL's CHANGE old new. Names as findings give them (a column as table.column).
  struct Rename {
    bool table = true;
    std::string from, to;
    SourceRef at;  // the statement
  };
  std::vector<Rename> renames;

  // Takes the statement text[start, end), which the engine has just run: CREATE TABLE/VIEW,
  // DROP TABLE/VIEW, ALTER TABLE RENAME TO / RENAME COLUMN / ADD COLUMN / DROP COLUMN, and
  // MySQL's ALTER TABLE CHANGE and RENAME TABLE.
  void statement(const std::string& text, const Lines& lines, uint32_t file, size_t start,
                 size_t end);
};

}  // namespace breakwater::sql
