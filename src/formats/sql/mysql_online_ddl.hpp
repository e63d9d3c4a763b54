// How a MySQL/MariaDB migration statement runs against a live table, asked of the engine itself:
// an ALTER TABLE or CREATE INDEX on a table that already holds rows is run with the cheapest
// algorithm first (INSTANT: metadata only; NOCOPY with LOCK=NONE: an online index build), then
// costlier ones (INPLACE with LOCK=NONE: an online rebuild; INPLACE: writes blocked; COPY: the
// table copied row by row, writes blocked). InnoDB refuses an option it cannot honour before it
// changes anything (errors 1845/1846, with its reason), so the first option it accepts has
// applied the statement, and its refusals say why. A statement that states its own ALGORITHM
// or LOCK runs as written: that is what production will run.
#pragma once

#include "formats/sql/mysql_script.hpp"
#include "formats/sql/mysql_server.hpp"

#include <optional>
#include <string>

namespace breakwater::sql {

enum class OnlineCost {
  online,        // INSTANT, or NOCOPY with LOCK=NONE; also statements that are not probed
  rebuild,       // INPLACE with LOCK=NONE: every row rewritten, writes still allowed
  blocks_writes, // INPLACE, LOCK=SHARED at best: reads only until done
  copy,          // ALGORITHM=COPY: the table copied row by row, writes blocked
};

struct OnlineVerdict {
  OnlineCost cost = OnlineCost::online;
  std::string reason;                // the engine's reason for refusing the cheaper option
  bool stated = false;               // the cost is the statement's own ALGORITHM / LOCK
  std::optional<MysqlError> error;   // the statement itself failed (not applied)
};

// The table an ALTER TABLE or CREATE INDEX changes, and a CREATE TABLE creates, as written
// (unquoted); empty for other statements.
std::string changed_table(const std::string& text, const MysqlStatement& s);
bool creates_table(const MysqlStatement& s);

// Runs `sql` (the statement `s`) in `session`, finding the cheapest way the engine can.
// Statements other than ALTER TABLE and CREATE INDEX just run, as online.
OnlineVerdict run_probing_online(MysqlSession& session, const std::string& sql,
                                 const MysqlStatement& s);

// Whether the statement adds a column at a position (FIRST, AFTER c): MariaDB 10.4+ and
// MySQL 8.0.29+ do that instantly, MySQL 8.0.12-8.0.28 rebuilds the table.
bool adds_column_mid_table(const MysqlStatement& s);

}  // namespace breakwater::sql
