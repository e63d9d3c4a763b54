// What the Itanium C++ ABI (the one GCC and Clang use on Linux) makes of a record, as far as
// the C++ loader models it: which virtual functions take a slot of the record's own primary
// vtable, and whether the record is passed to and returned from functions through memory
// rather than in registers. Each answer is remembered per record (by USR).
#pragma once

#include "formats/cpp/libclang.hpp"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace breakwater::cpp {

class ItaniumAbi {
 public:
  // The USR of the record's primary base (Itanium 2.4 II.3: its first non-virtual dynamic base,
  // else its first nearly empty virtual base that is no base's primary), "" without one.
  // Remembered per record, so overrides_primary() can follow the chain by USR.
  std::string primary_base(CXCursor record);

  // Whether `method` overrides a function of the primary base (or of the primary base's own
  // primary chain, which shares its vtable) without a covariant return that needs adjusting.
  bool overrides_primary(CXCursor method, const std::string& primary);

  // Whether a record that declares no destructor gets a slot for its implicit one: a base's
  // destructor is virtual (so the implicit one is too) and none in its primary chain is (else
  // it reuses that slot). Clang declares it after the written members.
  bool implicit_destructor_slot(CXCursor record, const std::string& primary);

  // How a record is passed: `memory` when the Itanium ABI passes it through memory for sure (a
  // user-provided, not defaulted, not deleted copy/move constructor or destructor, a virtual
  // function or base, or a base or field, arrays included, passed through memory); else through
  // memory when one of `ask_clang` is. Those are instantiations of templates declared outside
  // the repository (`std::optional<int>`): libclang lists no members of an instantiation, and
  // its template's own members mislead (std::optional picks its copy constructor through
  // partially specialized bases), so clang itself is asked after the walk (call_probes.hpp).
  struct CallClass {
    bool memory = false;
    std::set<std::string> ask_clang;  // canonical type spellings
  };
  CallClass passed_in_memory(CXCursor record);

  // What the template's own members say of a type in `ask_clang`, when clang cannot be asked.
  bool guess(const std::string& type) const;
  // The file declaring each template of a type in `ask_clang` (what a probe must include).
  const std::set<std::string>& template_files() const { return template_files_; }

  // Whether a cursor is declared in the repository's headers: its templates' members are read.
  void set_in_repository(std::function<bool(CXCursor)> in_repository) {
    in_repository_ = std::move(in_repository);
  }

 private:
  // Whether a record has a vtable: a virtual function, a virtual base, or a dynamic base.
  bool dynamic(CXCursor record);
  // Whether the record or one of its bases declares a virtual destructor.
  bool virtual_destructor(CXCursor record, int depth = 0);
  // A vtable pointer and no other data (Itanium 1.1).
  bool nearly_empty(CXCursor record);
  // The record's virtual bases, direct and indirect, in inheritance graph order.
  void virtual_bases(CXCursor record, std::vector<CXCursor>& out, int depth);
  // Whether `base_usr` is `derived` itself or a non-virtual base of it at offset 0.
  bool zero_offset_base(CXCursor derived, const std::string& base_usr, int depth);
  // Whether returning `method`'s result as `overridden`'s type moves the pointer.
  bool needs_return_adjustment(CXCursor method, CXCursor overridden);

  // The answer the template's own members give for an instantiation (the guess).
  bool pattern_in_memory(CXCursor pattern);

  std::map<std::string, CallClass> in_memory_;         // by USR, see passed_in_memory()
  std::map<std::string, bool> pattern_memory_;         // by USR of the pattern
  std::map<std::string, bool> guesses_;                // type spelling -> pattern's answer
  std::set<std::string> template_files_;
  std::function<bool(CXCursor)> in_repository_;
  std::map<std::string, bool> dynamic_;                // by USR, see dynamic()
  std::map<std::string, std::string> primary_of_usr_;  // record USR -> its primary base's USR
  std::map<std::string, CXCursor> record_of_usr_;      // the records primary_base() met
};

}  // namespace breakwater::cpp
