// Compile flags come with the change under review (config, compile_commands.json), so they are
// untrusted: flags that load code or read files outside the repository are refused.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace breakwater::cpp {

// The first refused flag of `flags` and why, or nothing. `root` is the repository (or input)
// directory that -include and @response files must stay inside.
std::optional<std::string> refused_flag(const std::vector<std::string>& flags,
                                        const std::string& root);

}  // namespace breakwater::cpp
