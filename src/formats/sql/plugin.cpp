// SQL (PostgreSQL dialect) as a format: loader, checks and comment syntax for suppressions.
#include "formats/sql/plugin.hpp"
#include "formats/sql/mysql_server.hpp"

#include "formats/sql/checks.hpp"
#include "formats/sql/load.hpp"

#include "core/paths.hpp"

namespace breakwater::sql {
namespace {

Schema load_sql(const std::string& path, const LoadOptions& options,
                const detail::FormatOptions& own) {
  return load(path, options, detail::options_as<Options>(own));
}

void run(const Schema& old_schema, const Schema& new_schema, const detail::RuleSelection& enabled,
         const detail::RunContext&, detail::Emitter& out) {
  run_checks(old_schema, new_schema, enabled, out);
}

// Every directory holding .sql files outside another such module is one module.
std::vector<detail::DiscoveredModule> discover(const std::string&,
                                               const std::vector<std::string>& files) {
  std::vector<detail::DiscoveredModule> out;
  for (const std::string& d : detail::outermost_dirs_with(files, ".sql"))
    out.push_back({d, {}, {}});
  return out;
}

}  // namespace

const detail::FormatPlugin& plugin() {
  static const detail::FormatPlugin p{
      .name = "sql",
      .lang = "sql",
      .aliases = {"postgres", "postgresql", "pg"},
      .default_use = {"BREAKING", "DESTRUCTIVE", "LOCKING"},
      .claims = &claims,
      .options = option_specs(),
      .read_options = &read_options,
      .load = &load_sql,
      .run = &run,
      .extensions = {".sql"},
      .comment_markers = {"--"},
      .discover = &discover,
      .parallel_sides = true,
      .starter_module = "#   - path: db/migrations\n"
                        "#     dialect: postgres              # SQL: postgres | sqlite | mysql\n",
      .release = &stop_mysql_server,
  };
  return p;
}

}  // namespace breakwater::sql
