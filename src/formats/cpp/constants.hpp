// Compile-time values as text, so that constants, default arguments and object-like macros are
// compared by value, not spelling: `0x10` and `(16)` are the same constant.
#pragma once

#include "formats/cpp/libclang.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace breakwater::cpp {

// The value of a constant expression or of a variable's constant initializer ("16", "1.5" at
// full precision, "\"text\""), or nothing when libclang cannot evaluate it.
std::optional<std::string> constant_value(CXCursor c);

// Evaluates each of `names` with libclang in a small translation unit of its own that holds only
// `definitions` (the headers' `#define` lines, function-like ones included, so macros built
// from others evaluate). Returns name -> value ("16", "1.5", "\"text\"") for those that are
// constant expressions; the others (types, attributes, expressions naming declarations) are
// absent and stay compared by their tokens.
std::map<std::string, std::string> evaluate_macros(void* index,
                                                   const std::vector<std::string>& definitions,
                                                   const std::vector<std::string>& names);

}  // namespace breakwater::cpp
