// What an object-like macro finally stands for, other object-like macros replaced: an attribute
// macro respelled through another (`#define API VISIBLE` with `#define VISIBLE
// __attribute__((visibility("default")))`) means the same as the old direct spelling.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace breakwater::cpp {

inline constexpr size_t kMaxExpansionTokens = 4096;
inline constexpr size_t kMaxExpansionDepth = 256;

// `definitions` are the headers' `#define` lines as the modeler rebuilds them (tokens joined
// by one space; a function-like macro's `(` touches its name). Returns, for each object-like
// macro whose body names another object-like macro, its body with those replaced recursively
// (a macro is not replaced inside its own expansion, as the preprocessor does). Function-like
// macros are left as written. An expansion over kMaxExpansionTokens tokens (a hostile header
// that doubles at each level) or kMaxExpansionDepth macros deep is left out.
std::map<std::string, std::string> expand_object_macros(
    const std::vector<std::string>& definitions);

}  // namespace breakwater::cpp
