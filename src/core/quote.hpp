// The one way a name is quoted inside a finding's message: between `mark`s ("..." or `...`),
// escaped like Go's %q (the mark, backslash, line breaks, tabs, control characters and bytes
// that are not UTF-8), so that a text finding stays on one line and JSON, SARIF and the CI
// formats stay valid whatever a schema names its things.
#pragma once

#include <string>
#include <string_view>

namespace breakwater::detail {

std::string quoted(std::string_view text, char mark = '"');

}  // namespace breakwater::detail
