// MySQL/MariaDB column types: information_schema's spelling made canonical, and whether old
// values still fit a new type, by MySQL's own rules (signedness, byte and character lengths,
// ENUM and SET members, fractional seconds).
#pragma once

#include <breakwater/model.hpp>

#include <optional>
#include <string>

namespace breakwater::sql {

// `int(10) unsigned zerofill` -> `int unsigned`: display widths and ZEROFILL change nothing
// stored.
std::string canonical_mysql_type(std::string column_type);

// Why values of column `o` may not fit column `n` (both read from information_schema, with
// their "type", "max_chars" and "max_bytes"), or nothing when every old value fits.
std::optional<std::string> mysql_narrowing(const Entity& o, const Entity& n);

}  // namespace breakwater::sql
