// Asking clang itself how the Itanium ABI passes instantiations of templates declared outside
// the repository (`std::string`, `std::optional<int>`): libclang lists no members of an
// instantiation, so the walk cannot tell (itanium_abi.hpp). A small translation unit includes
// the headers through which the repository reached those templates and evaluates one trait
// expression per type. Answers are shared between OLD and NEW when both parse alike.
#pragma once

#include "formats/cpp/libclang.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace breakwater::cpp {

// The files `tu` included directly from a file under `root` (or from the umbrella there) on the
// way to each of `targets`: what a probe unit must include to see those declarations.
std::vector<std::string> entry_headers(CXTranslationUnit tu, const std::filesystem::path& root,
                                       const std::set<std::string>& targets);

// For each of `types` (canonical spellings): whether it is passed through memory (true) or in
// registers (false), by clang's own traits in a unit of `includes` parsed with `args`. A type
// clang cannot evaluate there is absent.
std::map<std::string, bool> passed_in_memory_by_clang(void* index,
                                                      const std::vector<std::string>& args,
                                                      const std::vector<std::string>& includes,
                                                      const std::set<std::string>& types);

}  // namespace breakwater::cpp
