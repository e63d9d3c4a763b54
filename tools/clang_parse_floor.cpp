// The C++ benchmark's floor: libclang parsing each header set as breakwater does (one umbrella
// translation unit, function bodies skipped), nothing modelled.
// usage: clang_parse_floor DIR... [--exclude HEADER]... [-- COMPILE_FLAGS...]
#include "formats/cpp/load.hpp"

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  breakwater::LoadOptions options;
  breakwater::cpp::Options own;
  std::vector<std::string> dirs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--") {
      own.compile_flags.assign(argv + i + 1, argv + argc);
      break;
    }
    if (a == "--exclude" && i + 1 < argc) {
      own.exclude.push_back(argv[++i]);
    } else {
      dirs.push_back(a);
    }
  }
  try {
    for (const std::string& d : dirs) breakwater::cpp::parse_only(d, options, own);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
  return 0;
}
