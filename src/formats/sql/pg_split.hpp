// A PostgreSQL file cut into statements before any of them is parsed: psql meta-commands
// blanked, PostgreSQL's scanner finding the statements (and the text between them, which must
// not be skipped), and syntax errors placed at file:line:col, with a hint when the text looks
// like MySQL. Needs only pg_query.h, not the server headers.
#pragma once

#include <breakwater/model.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace breakwater {
class Lines;
}

namespace breakwater::sql {

// `text` with psql meta-commands (and COPY ... FROM stdin data) blanked in place, so byte
// offsets stay true; nullopt when there are none (no copy of a large file). A psql include
// adds a warning: the included file is not read.
std::optional<std::string> without_psql_commands(const std::string& text, uint32_t file,
                                                 const Lines& lines,
                                                 std::vector<Diagnostic>& warnings);

// The statements of `sql` (what without_psql_commands() left of `text`) as (offset, length)
// pieces, in order. A scanner error throws InputError at its place in `shown`.
std::vector<std::pair<size_t, size_t>> split_statements(const std::string& sql,
                                                        const std::string& text, const Lines& lines,
                                                        const std::string& shown);

// MySQL's marks, which PostgreSQL DDL never has: `backquoted` names, ENGINE=, AUTO_INCREMENT.
bool looks_like_mysql(const std::string& text);

// Throws InputError at the statement's 1-based character position `char_in_statement`
// (libpg_query's way of reporting errors), the statement starting at byte `statement_offset`.
[[noreturn]] void syntax_error(const std::string& text, const Lines& lines,
                               const std::string& shown, size_t statement_offset,
                               int char_in_statement, std::string message);

}  // namespace breakwater::sql
