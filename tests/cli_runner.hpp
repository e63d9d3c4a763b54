// Runs the built CLI as a user would, capturing stdout, stderr and the exit status.
#pragma once

#include <string>
#include <vector>

namespace breakwater::test {

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `breakwater ARGS...` in directory `cwd` with NO_COLOR set.
Run run_cli(const std::string& cwd, const std::vector<std::string>& args);
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);
std::string source_dir();

}  // namespace breakwater::test
