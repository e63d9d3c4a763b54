// Walking libclang cursors from C++: a cursor's children through a lambda (libclang's visitor
// is a C callback) and its spelling as a std::string. Shared by the C++ loader's sources.
#pragma once

#include "formats/cpp/clang_handles.hpp"

#include "formats/cpp/libclang.hpp"

#include <string>

namespace breakwater::cpp {

// Calls `f` with each direct child of `parent`, in order.
template <typename F>
void visit_children(CXCursor parent, F&& f) {
  clang_visitChildren(
      parent,
      [](CXCursor c, CXCursor, CXClientData data) {
        (*static_cast<F*>(data))(c);
        return CXChildVisit_Continue;
      },
      &f);
}

inline std::string spelling(CXCursor c) {
  return text(clang_getCursorSpelling(c));
}

}  // namespace breakwater::cpp
