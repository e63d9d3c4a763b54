// The C++ benchmark's floor: libclang parsing each header set as breakwater does (one umbrella
// translation unit, function bodies skipped), nothing modelled. usage: clang_parse_floor DIR...
#include "formats/cpp/load.hpp"

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
  try {
    for (int i = 1; i < argc; ++i) breakwater::cpp::parse_only(argv[i], {});
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
  return 0;
}
