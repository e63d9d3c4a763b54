// What migration tools agree on about their files, so a folder of migrations builds the state
// the tool would: the order they apply in, the files that undo migrations (never applied
// forward), and the "down" sections of single-file tools.
#pragma once

#include <string>
#include <string_view>

namespace breakwater::sql {

// Whether `a` applies before `b` (paths relative to the migrations folder). Flyway names
// (`V1__x.sql`, `V1.1__y.sql`, `V1_2__z.sql`, `R__views.sql`) by version, dotted or underscored
// parts compared as numbers, repeatables last; other names with digit runs compared as numbers
// (`9_a.sql` before `10_b.sql`, `v1.9/` before `v1.10/`).
bool migration_order(const std::string& a, const std::string& b);

// Files that undo migrations: golang-migrate's `*.down.sql`, diesel's `<migration>/down.sql`,
// Flyway's `U<version>__*.sql`.
bool undoes(std::string_view relative_path);

// The text with the down sections of single-file tools blanked out (goose `-- +goose Down`,
// sql-migrate `-- +migrate Down`, dbmate `-- migrate:down`), up to the next up marker or the
// end; line breaks stay, so positions do not move.
std::string without_down_sections(std::string text);

}  // namespace breakwater::sql
