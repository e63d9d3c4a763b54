// Reading libclang's canonical type spellings, for the loader and the checks alike.
#pragma once

#include <string_view>

namespace breakwater::cpp {

// A type without top-level const/volatile: `demo::Rep *const` -> `demo::Rep *`,
// `const int` -> `int`.
inline std::string_view top_level_unqualified(std::string_view type) {
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view q : {"const", "volatile"}) {
      // `T const`, `T *const`: the word closes the type, after a space or a `*`.
      if (type.size() > q.size() && type.ends_with(q) &&
          (type[type.size() - q.size() - 1] == ' ' || type[type.size() - q.size() - 1] == '*')) {
        type.remove_suffix(q.size());
        while (type.ends_with(' ')) type.remove_suffix(1);
        changed = true;
      }
    }
    // A leading qualifier is top-level only when no pointer or reference follows.
    for (std::string_view q : {"const ", "volatile "}) {
      if (type.starts_with(q) && type.find_first_of("*&") == std::string_view::npos) {
        type.remove_prefix(q.size());
        changed = true;
      }
    }
  }
  return type;
}

}  // namespace breakwater::cpp
