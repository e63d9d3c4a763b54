// Reading declarations token by token, where libclang's cursors do not say enough: default
// arguments (a constant's value, else the tokens as written), noexcept conditions, template
// parameter defaults, and whether a macro's replacement is one operand.
#pragma once

#include "formats/cpp/libclang.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace breakwater::cpp {

// The spelling of every token in the cursor's extent.
std::vector<std::string> tokens_of(CXCursor c);

// A parameter's default argument: its value when it is a constant, else its tokens (an `=`
// in the declaration's tokens marks one; array bounds and decltype(...) are expressions too).
std::optional<std::string> default_of(CXCursor param);

// `noexcept`, `noexcept(true)`, `throw()` -> "yes"; `noexcept(false)` -> "no"; none -> "";
// another computed condition -> "noexcept(<tokens>)" (compared as written).
std::string noexcept_of(CXCursor c);

// A template parameter's default as the tokens after its `=` (`eq` in `tokens`), earlier
// parameters (`names`, in order) written by position (#0, #1) so renaming one changes nothing.
// The extent may run past the parameter into the list's closing `>`: that is left out.
std::string template_default_tokens(const std::vector<std::string>& tokens,
                                    std::vector<std::string>::const_iterator eq,
                                    const std::vector<std::string>& names);

// Whether a macro's replacement (after the name) is one operand wherever it is expanded: a
// literal, a signed literal, or one parenthesised group. `8 + 8` is not (2*M differs from
// 2*16), nor `640, 480`; those are compared by their tokens.
bool self_contained(const std::vector<std::string>& tokens);

}  // namespace breakwater::cpp
