#include "cli_runner.hpp"

#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace breakwater::test {
namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string source_dir() {
  return BREAKWATER_SOURCE_DIR;
}

Run run_cli(const std::string& cwd, const std::vector<std::string>& args) {
  char err_template[] = "/tmp/bw-test-err-XXXXXX";
  const int fd = mkstemp(err_template);
  close(fd);
  std::string cmd = "cd " + shell_quote(cwd) + " && NO_COLOR=1 " + shell_quote(BREAKWATER_CLI);
  for (const auto& a : args) cmd += " " + shell_quote(a);
  cmd += " 2>" + shell_quote(err_template);
  Run run;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return run;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  const int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.err = read_file(err_template);
  std::filesystem::remove(err_template);
  return run;
}

}  // namespace breakwater::test
