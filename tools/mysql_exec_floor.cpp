// The MySQL benchmark's floor: MariaDB's embedded server executing each file's statements as
// breakwater does (same splitting, same server, one database per file), nothing read back or
// compared.
// usage: mysql_exec_floor FILE...
#include "formats/sql/mysql_script.hpp"
#include "formats/sql/mysql_server.hpp"

#include <breakwater/check.hpp>

#include <cstdio>
#include <exception>
#include <fstream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  int status = 0;
  try {
    for (int i = 1; i < argc; ++i) {
      std::ifstream in(argv[i], std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      const std::string sql = text.str();
      breakwater::sql::MysqlSession session;
      for (const auto& s : breakwater::sql::split_mysql(sql, argv[i])) {
        if (breakwater::sql::classify_mysql(s).action != breakwater::sql::MysqlAction::run) continue;
        std::string statement = sql.substr(s.begin, s.end - s.begin);
        breakwater::sql::for_mariadb(statement);
        if (const auto e = session.run(statement)) {
          std::fprintf(stderr, "%s: %s\n", argv[i], e->message.c_str());
          status = 2;
        }
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    status = 2;
  }
  breakwater::release_resources();
  return status;
}
