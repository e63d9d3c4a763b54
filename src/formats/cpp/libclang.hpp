// libclang, opened on first use instead of linked: linked, it costs every run whatever the format
// about 50 MB resident and 40 ms at start (libLLVM's relocations and static initialisers), a
// quarter of a large SQL comparison's memory. The library is the one CMake found at build time
// (its real path, from libclang1-14); nothing of the input chooses it.
#pragma once

#include <clang-c/Index.h>

namespace breakwater::cpp {

// Each function breakwater calls, as a pointer of the same name in this namespace: an
// unqualified call clang_x(...) here finds the pointer before the global declaration, so call
// sites read as libclang's documentation. Null until open_libclang().
#define BW_LIBCLANG_FUNCTION(name) inline decltype(&::name) name = nullptr;
#include "formats/cpp/libclang_functions.inc"
#undef BW_LIBCLANG_FUNCTION

// Opens libclang and resolves the functions, once per process (thread-safe; every entry point
// into the cpp format calls it first). Throws InputError when the library or a function is
// missing.
void open_libclang();

}  // namespace breakwater::cpp
