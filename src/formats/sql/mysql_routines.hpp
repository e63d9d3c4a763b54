// MySQL/MariaDB stored procedures and functions as their callers see them: name, parameters
// (mode and type) and result type, read from a CREATE / DROP PROCEDURE|FUNCTION statement's
// words. A private embedded server has no mysql.proc to store routines in, so they are not
// executed; their parameter and result types are spelled by the engine itself (the loader puts
// them in a scratch table and reads information_schema back), never parsed here.
#pragma once

#include "formats/sql/mysql_script.hpp"

#include <optional>
#include <string>
#include <vector>

namespace breakwater::sql {

struct RoutineParam {
  std::string mode;  // IN, OUT or INOUT (a function's parameters are IN)
  std::string type;  // as written: `VARCHAR(20) CHARACTER SET utf8mb4`
};

struct RoutineHeader {
  bool drop = false;      // DROP PROCEDURE|FUNCTION
  bool function = false;  // FUNCTION (with a result), else PROCEDURE
  std::string name;       // as written, unquoted, without a database
  size_t name_at = 0;     // offset of the name in the file
  std::vector<RoutineParam> params;
  std::string returns;  // a function's result type as written
};

// The routine a statement creates or drops, or nothing when it is not CREATE / DROP of a
// PROCEDURE or FUNCTION (or its head is cut short).
std::optional<RoutineHeader> routine_header(const std::string& text, const MysqlStatement& s);

}  // namespace breakwater::sql
