// Compile flags come with the change under review (config, compile_commands.json), so they are
// untrusted: flags that load code or read files outside the repository are refused.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace breakwater::cpp {

// The first refused flag of `flags` and why, or nothing. `root` is the repository (or input)
// directory that -include and @response files must stay inside.
std::optional<std::string> refused_flag(const std::vector<std::string>& flags,
                                        const std::string& root);

// `flags` with every path value of a path-taking flag (-I, -isystem, -iquote, -idirafter,
// -include, -imacros; joined or separate) replaced by `map(value)`; other flags as they are.
std::vector<std::string> map_flag_paths(const std::vector<std::string>& flags,
                                        const std::function<std::string(const std::string&)>& map);

}  // namespace breakwater::cpp
