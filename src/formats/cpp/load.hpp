#pragma once

#include <breakwater/check.hpp>
#include <breakwater/model.hpp>

#include "formats/cpp/options.hpp"

#include <filesystem>
#include <string>

namespace breakwater::cpp {

// A C++ header (.h .hh .hpp .hxx .h++), or a directory holding them: the public include root.
bool claims(const std::filesystem::path& path);
// Parses every header under the input as one translation unit (an umbrella file including each,
// function bodies skipped) and models the declarations spelled under the input: records with
// their layout, functions and methods with their mangled names, enums, typedefs, variables and
// object-like macros, all under one "api" root keyed by qualified name. A header that does not
// compile, or a refused compile flag, throws InputError at its location.
Schema load(const std::string& path, const LoadOptions& options, const Options& own);
// The same parse with nothing modelled: the benchmark's floor. Throws as load() does.
void parse_only(const std::string& path, const LoadOptions& options, const Options& own);

}  // namespace breakwater::cpp
