// PostgreSQL column types: one canonical spelling per type (int4 = integer, varchar = character
// varying), and whether a change of type can break stored data or the applications reading it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace breakwater::sql {

struct ColumnType {
  std::string name;             // canonical: int4, varchar, numeric, text, a user type...
  std::vector<long> modifiers;  // varchar(100) -> {100}; numeric(10,2) -> {10, 2}
  int array_dims = 0;
  std::string text() const;  // varchar(100), numeric(10,2)[]
};

// `names` as the parser gives them (pg_catalog.int4, serial, timestamptz...), canonicalised.
// serial types become their integer type; `serial` is set so callers can add the sequence default.
ColumnType canonical_type(const std::vector<std::string>& names, std::vector<long> modifiers,
                          int array_dims, bool* serial = nullptr);

// The canonical text back as a type (varchar(100)[] -> varchar, {100}, 1 dimension); the model
// stores types as text so that attributes stay plain values.
ColumnType parse_type(std::string_view canonical);

// Whether PostgreSQL can change OLD to NEW without rewriting the table: the old values are valid
// as they are (varchar to a longer varchar or text, numeric to more precision at the same scale).
bool binary_coercible(const ColumnType& old_type, const ColumnType& new_type);

// Why OLD -> NEW can lose data or break readers, or nothing when every OLD value fits NEW
// (widening: int4 -> int8, varchar(50) -> varchar(100), varchar -> text, numeric(10,2) ->
// numeric(12,2)).
std::optional<std::string> narrowing(const ColumnType& old_type, const ColumnType& new_type);

}  // namespace breakwater::sql
