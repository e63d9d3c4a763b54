// Which special members a record's clients can use: default construction, copy construction,
// copy assignment, worked out from the declarations the way the language makes the implicit
// ones (a deleted or private base or member stops them, a user-declared move deletes the
// copies, any constructor suppresses the default one). Remembered per record (by USR).
#pragma once

#include "formats/cpp/libclang.hpp"

#include <map>
#include <string>

namespace breakwater::cpp {

// What clients can do with a record: default construct, copy construct, copy assign; 'y',
// 'n', or '?' when declarations alone do not tell (a reference or const member may have an
// initializer). `*_declared`: the member doing it is written in the class, not implicit.
struct Specials {
  char make = '?', copy = '?', assign = '?';
  bool make_declared = false, copy_declared = false, assign_declared = false;
};

class SpecialMembers {
 public:
  Specials specials(CXCursor record);

 private:
  std::map<std::string, Specials> specials_;  // by USR, see specials()
};

}  // namespace breakwater::cpp
