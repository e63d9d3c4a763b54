#include "formats/sql/migration_facts.hpp"

namespace breakwater::sql {

Entity migration_file_fact(const std::string& relative, uint32_t file) {
  Entity f;
  f.kind = "migration_file";
  f.key = f.name = relative;
  f.loc = SourceRef{file, 1, 1};
  return f;
}

Entity rename_fact(const std::string& relative, size_t seq, bool table, std::string from,
                   std::string to, SourceRef at) {
  Entity e;
  e.kind = "rename";
  e.key = relative + "#" + std::to_string(seq);
  e.name = std::move(from);
  e.loc = at;
  e.set("file", relative);
  e.set("what", std::string(table ? "table" : "column"));
  e.set("to", std::move(to));
  return e;
}

Entity lock_fact(const std::string& relative, size_t seq, std::string fact, std::string table,
                 std::string what, SourceRef at) {
  Entity e;
  e.kind = "lock_issue";
  e.key = relative + "#" + std::to_string(seq);
  e.name = std::move(table);
  e.loc = at;
  e.set("fact", std::move(fact));
  e.set("file", relative);
  e.set("what", std::move(what));
  return e;
}

}  // namespace breakwater::sql
