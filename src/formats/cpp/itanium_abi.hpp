// What the Itanium C++ ABI (the one GCC and Clang use on Linux) makes of a record, as far as
// the C++ loader models it: which virtual functions take a slot of the record's own primary
// vtable, and whether the record is passed to and returned from functions through memory
// rather than in registers. Each answer is remembered per record (by USR).
#pragma once

#include "formats/cpp/libclang.hpp"

#include <map>
#include <string>

namespace breakwater::cpp {

class ItaniumAbi {
 public:
  // The USR of the record's primary base (its first non-virtual dynamic base; Itanium 2.5.1,
  // leaving out the nearly-empty virtual base case), "" without one.
  // Remembered per record, so overrides_primary() can follow the chain by USR.
  std::string primary_base(CXCursor record);

  // Whether `method` overrides a function of the primary base (or of the primary base's own
  // primary chain, which shares its vtable).
  bool overrides_primary(CXCursor method, const std::string& primary);

  // Whether the Itanium ABI passes a record through memory: a user-provided (not defaulted,
  // not deleted) copy/move constructor or destructor, a virtual function or base, or a base or
  // field (arrays included) that is itself passed through memory.
  bool passed_in_memory(CXCursor record);

 private:
  // Whether a record has a vtable: a virtual function, a virtual base, or a dynamic base.
  bool dynamic(CXCursor record);

  std::map<std::string, bool> in_memory_;              // by USR, see passed_in_memory()
  std::map<std::string, bool> dynamic_;                // by USR, see dynamic()
  std::map<std::string, std::string> primary_of_usr_;  // record USR -> its primary base's USR
};

}  // namespace breakwater::cpp
