// Headers come with the change under review, and clang opens every file they include before any
// check could see it. So the headers are vetted before parsing, following their includes through
// the repository: an #include that reaches outside it (an absolute path, or "../" climbing out)
// would have the parse read that file, and the compiler's first error could quote it into a CI
// log; a name a macro computes (`#define Z "/dev/zero"`, `#include Z`) could name any file.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <vector>

namespace breakwater::cpp {

// Reads each of `headers`, and each repository header they include (found next to the includer
// for "...", or in any of `include_dirs`; transitively, each file once), and throws
// InputError at the first
//   - #include (#include_next, #import) whose name a macro computes,
//   - "..." or <...> include of an absolute path, or of a relative one found next to its
//     header, that lies outside `boundary`,
//   - declaration nested past kMaxAngles (nesting.hpp).
// Includes found in folders outside `boundary` (the system's) are not followed.
// Returns what each repository header includes of the repository's (canonical paths; every
// candidate of a name found in several include folders: a superset of what clang opens).
using IncludeGraph = std::map<std::filesystem::path, std::set<std::filesystem::path>>;
IncludeGraph vet_headers(const std::vector<std::filesystem::path>& headers,
                         const std::filesystem::path& boundary,
                         const std::vector<std::filesystem::path>& include_dirs);

}  // namespace breakwater::cpp
