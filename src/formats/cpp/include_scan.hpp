// Headers come with the change under review. An #include that reaches outside the repository (an
// absolute path, or "../" climbing out) would have the parse read that file, and the compiler's
// first error could quote it into a CI log; such includes are found before parsing.
#pragma once

#include <filesystem>
#include <vector>

namespace breakwater::cpp {

// Throws InputError at the first #include (or #include_next / #import) of `headers` whose
// quoted or bracketed path is absolute, or relative and found next to its header, and lies
// outside `boundary`, or whose name a macro computes. Includes resolved through include
// directories are the flags' business.
void refuse_escaping_includes(const std::vector<std::filesystem::path>& headers,
                              const std::filesystem::path& boundary);

}  // namespace breakwater::cpp
