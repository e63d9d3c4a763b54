// MariaDB's embedded server (libmariadbd: the server as a library), started once per process on
// first use, in a private temporary folder removed at exit. Hardened for untrusted DDL: no
// option files read, no networking, no grant tables, file import/export confined to an empty
// folder, no plugin folder, no event scheduler, no symbolic links, and a time limit per
// statement. Sessions take turns (one at a time); each gets a database of its own, dropped
// when it ends.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct st_mysql;

namespace breakwater::sql {

struct MysqlError {
  unsigned code = 0;
  std::string message;
};

// Ends the server, if it started, and removes its folder (release_resources()). Without it, the
// folder is still removed at exit.
void stop_mysql_server();

class MysqlSession {
 public:
  MysqlSession();  // throws InputError when the server cannot start
  ~MysqlSession();
  MysqlSession(const MysqlSession&) = delete;
  MysqlSession& operator=(const MysqlSession&) = delete;

  // Runs one statement (its results discarded).
  std::optional<MysqlError> run(std::string_view sql);
  // A query's rows; NULL is nullopt. Breakwater's own queries: an error throws.
  using Row = std::vector<std::optional<std::string>>;
  std::vector<Row> rows(const std::string& sql);
  // The session's database, as a quoted SQL string literal for queries.
  const std::string& database_literal() const { return literal_; }

 private:
  std::unique_lock<std::mutex> turn_;
  st_mysql* conn_ = nullptr;
  std::string database_, literal_;
};

}  // namespace breakwater::sql
