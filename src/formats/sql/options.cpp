#include "formats/sql/options.hpp"

namespace breakwater::sql {

std::vector<detail::OptionSpec> option_specs() {
  return {{
      .key = "dialect",
      .flag = "--dialect",
      .value_name = "DIALECT",
      .help = "SQL dialect: postgres, sqlite or mysql (MySQL and MariaDB) (default: by file "
              "name, *.sqlite.sql is SQLite and *.mysql.sql MySQL, else by content)",
      .choices = {"postgres", "sqlite", "mysql"},
  }};
}

std::unique_ptr<detail::FormatOptions> read_options(const OptionValues& values) {
  auto out = std::make_unique<Options>();
  out->dialect = detail::option_value(values, "dialect");  // choices checked by core
  return out;
}

}  // namespace breakwater::sql
