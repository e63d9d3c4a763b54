#include "formats/cpp/libclang.hpp"

#include <breakwater/check.hpp>

#include <dlfcn.h>

#include <mutex>
#include <string>

namespace breakwater::cpp {

void open_libclang() {
  static std::once_flag once;
  static std::string failure;
  std::call_once(once, [] {
    // Kept open for the process: libclang's own state lives until exit.
    void* library = dlopen(BREAKWATER_LIBCLANG, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
      const char* why = dlerror();
      failure = std::string("cannot load libclang (") + BREAKWATER_LIBCLANG +
                "): " + (why != nullptr ? why : "unknown error");
      return;
    }
#define BW_LIBCLANG_FUNCTION(name)                                       \
  name = reinterpret_cast<decltype(name)>(dlsym(library, #name));        \
  if (name == nullptr && failure.empty()) failure = "libclang has no " #name;
#include "formats/cpp/libclang_functions.inc"
#undef BW_LIBCLANG_FUNCTION
  });
  if (!failure.empty()) throw InputError({}, failure);
}

}  // namespace breakwater::cpp
