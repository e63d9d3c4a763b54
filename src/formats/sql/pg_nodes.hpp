// libpg_query's parse trees, as the PostgreSQL DDL replay reads them: the server headers that
// describe the nodes, RAII around a raw parse and its memory context, checked node casts, and
// the readers that turn names, types and expressions into model keys. Kept apart from the
// replay so the replay reads as statements, not as node plumbing. Internal to formats/sql/:
// every source including it needs `-isystem ${PG_SERVER_INCLUDE_DIR}` (CMakeLists.txt).
#pragma once

#include "formats/sql/types.hpp"

// Every standard header the replay's sources use, before the server headers: those define
// macros (printf, foreach...) that must not reach the standard library. Include this header
// (or pg_replayer.hpp) last.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

extern "C" {
#include <pg_query.h>
// clang-format off
#include <postgres.h>
#include <nodes/parsenodes.h>
#include <nodes/pg_list.h>
#include <common/keywords.h>
#include <pg_query/pg_query_internal.h>
// clang-format on
}

namespace breakwater::sql {

// ---- libpg_query resources ------------------------------------------------------------------

// The parse trees live in a memory context that is dropped as a whole after each statement.
struct MemoryContextScope {
  MemoryContext context = pg_query_enter_memory_context();
  MemoryContextScope() = default;
  ~MemoryContextScope() { pg_query_exit_memory_context(context); }
  MemoryContextScope(const MemoryContextScope&) = delete;
  MemoryContextScope& operator=(const MemoryContextScope&) = delete;
};

struct RawParse {
  PgQueryInternalParsetreeAndError result;
  explicit RawParse(const char* statement) : result(pg_query_raw_parse(statement)) {}
  ~RawParse() {
    if (result.error != nullptr) pg_query_free_error(result.error);
    std::free(result.stderr_buffer);  // malloc-ed by libpg_query
  }
  RawParse(const RawParse&) = delete;
  RawParse& operator=(const RawParse&) = delete;
};

// ---- node access -----------------------------------------------------------------------------

// A PostgreSQL List as a range of nodes.
class Nodes {
 public:
  explicit Nodes(const List* list) : list_(list) {}
  struct Iterator {
    const ListCell* cell;
    Node* operator*() const { return static_cast<Node*>(cell->ptr_value); }
    Iterator& operator++() {
      ++cell;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return cell != other.cell; }
  };
  Iterator begin() const { return {list_ != nullptr ? list_->elements : nullptr}; }
  Iterator end() const { return {list_ != nullptr ? list_->elements + list_->length : nullptr}; }
  size_t size() const { return list_ != nullptr ? static_cast<size_t>(list_->length) : 0; }

 private:
  const List* list_;
};

template <typename T>
T* node_as(Node* n, NodeTag tag) {
  return n != nullptr && nodeTag(n) == tag ? reinterpret_cast<T*>(n) : nullptr;
}
#define BW_AS(Type, n) node_as<Type>(reinterpret_cast<Node*>(n), T_##Type)

// ---- readers ---------------------------------------------------------------------------------

std::string str_of(Node* n);
std::string text_or(const char* s, const char* fallback = "");
// A string constant's text ('UTC', 'app, public'); "" for anything else.
std::string const_string(Node* n);
std::vector<std::string> names_of(const List* list);
std::string joined(const std::vector<std::string>& parts, const char* separator = ", ");
// schema.name, `public` when the statement names no schema.
// Names as PostgreSQL resolves them: an unqualified name goes into the default schema, the
// first of `search_path` (public unless a SET changed it).
std::string qualified(const RangeVar* r);
std::string qualified(const std::vector<std::string>& names);

// The schema unqualified names go into, for the thread's replay ("" = public).
void set_default_schema(std::string schema);

// Starts a file with the default search path, and restores the previous one after it.
class DefaultSchemaScope {
 public:
  DefaultSchemaScope();
  ~DefaultSchemaScope();
  DefaultSchemaScope(const DefaultSchemaScope&) = delete;
  DefaultSchemaScope& operator=(const DefaultSchemaScope&) = delete;

 private:
  std::string previous_;
};

// An expression as a comparable value: its parse tree as JSON without source positions.
std::string expression_key(Node* expr);

// The expression_key of each top-level AND-ed term of `expr`, sorted, each followed by '\n'
// (expression keys are JSON, whose strings escape line breaks).
std::string and_terms_key(Node* expr);

// The column `expr` tests with `col IS NOT NULL`, or "".
std::string not_null_test_of(Node* expr);

ColumnType type_of(const TypeName* t, bool* serial = nullptr);
std::string type_text(const TypeName* t);

// A function's identity: its name and input argument types, as PostgreSQL resolves overloads.
std::string function_key(const std::string& name, const std::vector<std::string>& inputs);
std::string function_key(const ObjectWithArgs* o);
bool is_input(FunctionParameterMode mode);

}  // namespace breakwater::sql
