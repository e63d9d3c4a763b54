// Ownership of libclang's C resources: an index, a translation unit, a string. Only the cpp
// format's sources include clang-c.
#pragma once

#include "formats/cpp/libclang.hpp"

#include <memory>
#include <string>

namespace breakwater::cpp {

struct IndexDeleter {
  void operator()(void* index) const { clang_disposeIndex(index); }
};
using IndexHandle = std::unique_ptr<void, IndexDeleter>;

struct TranslationUnitDeleter {
  void operator()(CXTranslationUnit tu) const { clang_disposeTranslationUnit(tu); }
};
using TranslationUnitHandle =
    std::unique_ptr<std::remove_pointer_t<CXTranslationUnit>, TranslationUnitDeleter>;

// Takes a CXString and returns its text, disposing of it.
inline std::string text(CXString s) {
  const char* c = clang_getCString(s);
  std::string out = c != nullptr ? c : "";
  clang_disposeString(s);
  return out;
}

struct EvalResultDeleter {
  void operator()(void* r) const { clang_EvalResult_dispose(r); }
};
using EvalResultHandle = std::unique_ptr<void, EvalResultDeleter>;

}  // namespace breakwater::cpp
