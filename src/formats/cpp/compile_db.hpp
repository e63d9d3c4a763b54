// compile_commands.json (CMake, Bear, Meson): the flags a library's own sources compile with,
// reduced to what parsing its headers needs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace breakwater::cpp {

// The flags of the database's entry nearest to `root` (the entry whose source file shares the
// longest directory prefix with it; ties go to the first file by name), without the compiler,
// the source file, outputs and dependency-file options. Relative paths in path-taking flags are
// made absolute against the entry's directory. Throws InputError at `db` for a missing file,
// malformed JSON (line:col) or an entry without a command. Flags are not vetted here.
std::vector<std::string> flags_from_compile_db(const std::string& db,
                                               const std::filesystem::path& root);

// Splits a shell command line as POSIX sh would for words (quotes, backslashes; no expansion).
std::vector<std::string> split_command(const std::string& command);

}  // namespace breakwater::cpp
