// SQL inputs: a schema file or a folder of migrations, read in the order they apply, and handed
// to the dialect's loader (PostgreSQL's grammar, or SQLite's own engine).
#include "formats/sql/load.hpp"

#include <malloc.h>

#include "core/big_stack.hpp"
#include "core/lines.hpp"
#include "core/paths.hpp"
#include "core/read_input.hpp"
#include "formats/sql/migration_files.hpp"
#include "formats/sql/mysql_load.hpp"
#include "formats/sql/pg_split.hpp"
#include "formats/sql/pg_replay.hpp"
#include "formats/sql/sqlite_load.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace breakwater::sql {
namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path, const std::string& shown) {
  std::string text = detail::read_input(path, shown);
  // Both parsers take C strings: a NUL byte would silently end the file there.
  if (const size_t nul = text.find('\0'); nul != std::string::npos) {
    const auto [line, column] = Lines(text).at(nul);
    throw InputError(Location{shown, line, column}, "NUL byte: this is not SQL text");
  }
  return without_down_sections(std::move(text));
}

std::vector<std::string> sql_files(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string relative = it->path().lexically_relative(dir).generic_string();
    if (it->path().extension() == ".sql" && !undoes(relative) && detail::regular_input(*it)) {
      out.push_back(it->path().lexically_relative(dir).generic_string());
    }
  }
  if (ec) throw InputError(Location{dir.generic_string(), 0, 0}, "cannot read: " + ec.message());
  std::sort(out.begin(), out.end(), migration_order);
  return out;
}

// The database one dot-separated part of a file name names ("mysql" for MySQL and MariaDB,
// "sqlite" for sqlite3, another database's own name), or "".
std::string database_of(std::string part) {
  for (char& c : part) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (part == "postgres" || part == "postgresql" || part == "pg") return "postgres";
  if (part == "mysql" || part == "mariadb") return "mysql";
  if (part == "sqlite" || part == "sqlite3") return "sqlite";
  if (part == "cockroach" || part == "cockroachdb" || part == "mssql" || part == "sqlserver" ||
      part == "oracle") {
    return part;
  }
  return {};
}

// A file's name split at dots: its database tag (`x.mysql.up.sql`: "mysql"; "" when untagged)
// and the name without it (`x.up.sql`, the migration a tagged file stands in for). popx's
// `.autocommit` mark (`x.autocommit.up.sql`, run outside a transaction) is no part of the
// migration's name. A folder inside the input named after a database (`mysql/V1__init.sql`
// beside `postgres/V1__init.sql`) tags the files under it.
struct TaggedName {
  std::string tag, untagged;
};

TaggedName tagged_name(const fs::path& file, const fs::path& root) {
  const std::string name = file.filename().string();
  TaggedName out;
  std::string rest;
  for (size_t start = 0; start < name.size();) {
    const size_t dot = std::min(name.find('.', start), name.size());
    const std::string part = name.substr(start, dot - start);
    const std::string database = start > 0 ? database_of(part) : std::string();
    if (database.empty() && (start == 0 || part != "autocommit")) {
      rest += (rest.empty() ? "" : ".") + part;
    } else if (out.tag.empty()) {
      out.tag = database;
    }
    start = dot + 1;
  }
  out.untagged = (file.parent_path() / rest).generic_string();
  if (out.tag.empty()) {
    for (const fs::path& folder : file.lexically_relative(root).parent_path()) {
      if (std::string database = database_of(folder.string()); !database.empty()) {
        out.tag = std::move(database);
        break;
      }
    }
  }
  return out;
}

// Migration folders that keep one file per database (`x.postgres.up.sql`, `x.mysql.up.sql`,
// `x.sqlite3.up.sql`, `x.cockroach.up.sql`): only the chosen dialect's files and untagged ones
// are read (PostgreSQL's unless --dialect says otherwise); the others are named in a note.
// Returns the dialect the names settle ("" when they say nothing).
std::string keep_dialect_files(std::vector<fs::path>& files, const fs::path& root,
                               const std::string& dialect, std::string& note) {
  std::set<std::string> tags;
  for (const fs::path& f : files) tags.insert(tagged_name(f, root).tag);
  tags.erase("");
  if (tags.empty()) return dialect;
  if (tags.size() == 1 && dialect.empty()) {
    const std::string only = *tags.begin();
    return only == "postgres" || only == "mysql" || only == "sqlite" ? only : dialect;
  }
  const std::string chosen = dialect.empty() ? "postgres" : dialect;
  size_t left = 0;
  std::set<std::string> others;
  std::erase_if(files, [&](const fs::path& f) {
    const std::string tag = tagged_name(f, root).tag;
    if (tag.empty() || tag == chosen) return false;
    ++left;
    others.insert(tag);
    return true;
  });
  // A file for the chosen database stands in for the untagged one of the same migration
  // (pop's convention: `x.mysql.up.sql` replaces `x.up.sql` on MySQL).
  std::set<std::string> replaced;
  for (const fs::path& f : files) {
    if (const TaggedName t = tagged_name(f, root); t.tag == chosen) replaced.insert(t.untagged);
  }
  std::erase_if(files, [&](const fs::path& f) {
    const TaggedName t = tagged_name(f, root);
    return t.tag.empty() && replaced.contains(t.untagged);
  });
  if (left == 0) return chosen;
  std::string names;
  for (const std::string& o : others) names += (names.empty() ? "" : ", ") + o;
  // No count: the note stays the same from OLD to NEW, so it is told once.
  note = "migration files written for other databases (" + names + ") are not read: the " +
         chosen + " files are compared (--dialect chooses)";
  return chosen;
}

}  // namespace

bool claims(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return !sql_files(path).empty();
  return path.extension() == ".sql";
}

namespace {

Schema load_here(const std::string& path, const Options& own) {
  const fs::path input(path);
  std::error_code ec;
  if (!fs::exists(input, ec)) throw InputError(Location{path, 0, 0}, "no such file or directory");
  std::vector<fs::path> files;
  // A folder is a migration history: its files' facts (renames, LOCKING) are kept.
  const bool migrations = fs::is_directory(input, ec);
  if (migrations) {
    for (const std::string& f : sql_files(input)) files.push_back(input / f);
    if (files.empty()) throw InputError(Location{path, 0, 0}, "directory holds no .sql files");
  } else {
    files.push_back(input);
  }
  Schema schema;
  schema.format = "sql";
  schema.root = path;
  std::string dialect_note;
  std::string dialect = keep_dialect_files(files, input, own.dialect, dialect_note);
  const auto all_named = [&](const char* suffix) {
    return std::all_of(files.begin(), files.end(), [&](const fs::path& f) {
      return f.filename().string().ends_with(suffix);
    });
  };
  if (dialect.empty() && all_named(".sqlite.sql")) dialect = "sqlite";
  if (dialect.empty() && all_named(".mysql.sql")) dialect = "mysql";
  std::vector<SqlFile> inputs;
  bool mysql_marks = false;
  for (const fs::path& file : files) {
    SqlFile f;
    f.shown = detail::shown_path(file);
    f.text = read_text(file, f.shown);
    f.id = schema.add_file(f.shown);
    const std::string relative = file.lexically_relative(input).generic_string();
    f.relative = relative == "." ? file.filename().generic_string() : relative;
    mysql_marks = mysql_marks || (dialect.empty() && looks_like_mysql(f.text));
    inputs.push_back(std::move(f));
  }
  if (!dialect_note.empty() && !inputs.empty()) {
    schema.warnings.push_back({SourceRef{inputs.front().id, 0, 0}, dialect_note});
  }
  // By content: MySQL's marks (backquoted names, ENGINE=, AUTO_INCREMENT), which PostgreSQL
  // DDL never has.
  if (dialect.empty() && mysql_marks) dialect = "mysql";
  if (dialect == "sqlite") {
    load_sqlite(inputs, schema, migrations);
    return schema;
  }
  if (dialect == "mysql") {
    load_mysql(inputs, schema, migrations);
    return schema;
  }
  PgState state;
  for (size_t i = 0; i < files.size(); ++i) {
    const SqlFile& f = inputs[i];
    const Lines lines(f.text);
    replay_postgres(state, f.id, f.text, lines, f.shown, f.relative);
  }
  schema.warnings.insert(schema.warnings.end(), std::make_move_iterator(state.warnings.begin()),
                         std::make_move_iterator(state.warnings.end()));
  schema.removed_at = std::move(state.removed);
  // The replay grew every table's vectors by doubling: a third of a large model is spare
  // capacity, given back before the comparison holds both sides.
  for (auto& [key, e] : state.tables) {
    for (Entity& c : e.children) c.attrs.shrink_to_fit();
    e.children.shrink_to_fit();
    schema.roots.push_back(std::move(e));
  }
  // Migration facts only mean something for a folder of migrations.
  if (migrations) {
    for (Entity& e : state.migration_facts) schema.roots.push_back(std::move(e));
  }
  for (auto* m : {&state.types, &state.schemas, &state.views, &state.sequences, &state.functions,
                  &state.triggers}) {
    for (auto& [key, e] : *m) schema.roots.push_back(std::move(e));
  }
  return schema;
}

}  // namespace

Schema load(const std::string& path, const LoadOptions&, const Options& own) {
  // PostgreSQL's parser bounds its own recursion, but the trees it returns are walked
  // recursively (libpg_query's JSON writer, the replay): `DEFAULT 1+1+...` nests one level per
  // term. A statement is at most kMaxStatementBytes, so the depth is bounded, and the big stack
  // holds that depth.
  Schema schema;
  detail::run_on_big_stack([&] { schema = load_here(path, own); });
  malloc_trim(0);
  return schema;
}

}  // namespace breakwater::sql
