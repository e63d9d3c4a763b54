// The common model every loader produces and every check reads: a tree of entities with typed
// attributes and source positions. Formats decide kinds, keys and attribute names; core does not.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace breakwater {

// A resolved source position: repository-relative path, 1-based line and column (0 = unknown).
struct Location {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  bool known() const { return !file.empty(); }
  // path:line:col, leaving out what is unknown (path alone, or path:line).
  std::string text() const;
};

// A compact position inside one Schema: `file` indexes Schema::files (0 = no file).
struct SourceRef {
  uint32_t file = 0;
  uint32_t line = 0;
  uint32_t column = 0;
  bool known() const { return file != 0; }
};

using Value = std::variant<std::monostate, bool, int64_t, double, std::string>;

// Kinds and attribute names are vocabulary, not data: they are string_views into storage that
// lives for the whole program (string literals, or names returned by intern()). A model holds
// millions of attributes; owning a copy of "cardinality" in each would double its size.
std::string_view intern(std::string_view name);

struct Attr {
  std::string_view name;  // static storage (see above)
  Value value;
  SourceRef loc;  // where the attribute is spelled, when the format knows it
};

struct Entity {
  std::string_view kind;  // static storage: message, field, table, column, property, function...
  std::string key;   // identity under its parent across versions (field number, column name...)
  std::string name;  // human name, fully qualified where the format has one
  std::vector<Attr> attrs;
  std::vector<Entity> children;
  SourceRef loc;

  const Attr* find(std::string_view attr) const;
  bool has(std::string_view attr) const { return find(attr) != nullptr; }
  // Typed reads; the fallback is returned when the attribute is absent or of another type.
  std::string_view str(std::string_view attr, std::string_view fallback = {}) const;
  int64_t num(std::string_view attr, int64_t fallback = 0) const;
  bool flag(std::string_view attr, bool fallback = false) const;
  SourceRef loc_of(std::string_view attr) const;  // the attribute's position, else the entity's

  void set(std::string_view attr, Value value, SourceRef where = {});
};

// Something a loader read but does not compare (a statement kind it does not model yet), so a
// silent pass is never mistaken for a checked one. Shown on stderr as `path:line:col: warning:`.
struct Diagnostic {
  SourceRef at;
  std::string message;
};

struct Schema {
  std::string format;              // "protobuf", ...
  std::string root;                // the input as the user named it (for messages)
  std::vector<std::string> files;  // files[0] is "" so that SourceRef{} means "nowhere"
  std::vector<Entity> roots;
  std::vector<Diagnostic> warnings;
  // Where NEW's own text removes an element OLD had (a migration's DROP COLUMN), by the name
  // findings give it, so a deletion is reported on the line that deletes it rather than at an
  // untouched parent; `NAME@attr` for an attribute removed (`public.t.c@default`). Formats without
  // such statements leave it empty.
  std::map<std::string, SourceRef, std::less<>> removed_at;

  uint32_t add_file(std::string path);
  Location resolve(SourceRef ref) const;
};

}  // namespace breakwater
