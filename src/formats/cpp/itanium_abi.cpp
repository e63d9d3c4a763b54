// Itanium ABI classification of records: primary bases and vtable slots, and the calling
// convention ("trivial for the purposes of calls"). See itanium_abi.hpp.
#include "formats/cpp/itanium_abi.hpp"

#include "formats/cpp/clang_handles.hpp"
#include "formats/cpp/cursors.hpp"

#include <algorithm>
#include <vector>

namespace breakwater::cpp {

bool ItaniumAbi::dynamic(CXCursor record) {
  CXCursor def = clang_getCursorDefinition(record);
  // An instantiation (Base<int>) lists no members: its template's tell.
  if (const CXCursor pattern =
          clang_getSpecializedCursorTemplate(clang_Cursor_isNull(def) ? record : def);
      !clang_Cursor_isNull(pattern))
    def = pattern;
  if (clang_Cursor_isNull(def)) return false;
  const std::string usr = text(clang_getCursorUSR(def));
  if (const auto it = dynamic_.find(usr); it != dynamic_.end()) return it->second;
  dynamic_[usr] = false;
  bool found = false;
  visit_children(def, [&](CXCursor m) {
    if (found) return;
    const CXCursorKind k = clang_getCursorKind(m);
    if (k == CXCursor_CXXBaseSpecifier) {
      found = clang_isVirtualBase(m) ||
              dynamic(clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(m))));
    } else if (k == CXCursor_CXXMethod || k == CXCursor_Destructor) {
      found = clang_CXXMethod_isVirtual(m);
    }
  });
  dynamic_[usr] = found;
  return found;
}

namespace {

CXCursor base_declaration(CXCursor specifier) {
  return clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(specifier)));
}

}  // namespace

bool ItaniumAbi::nearly_empty(CXCursor record) {
  // Itanium 1.1: a vtable pointer and no other data (virtual bases aside); on x86-64 exactly a
  // pointer's size.
  return dynamic(record) && clang_Type_getSizeOf(clang_getCursorType(record)) == 8;
}

void ItaniumAbi::virtual_bases(CXCursor record, std::vector<CXCursor>& out, int depth) {
  if (depth > 64) return;
  const CXCursor def = clang_getCursorDefinition(record);
  if (clang_Cursor_isNull(def)) return;
  visit_children(def, [&](CXCursor m) {
    if (clang_getCursorKind(m) != CXCursor_CXXBaseSpecifier) return;
    const CXCursor base = clang_getCursorDefinition(base_declaration(m));
    if (clang_Cursor_isNull(base)) return;
    if (clang_isVirtualBase(m) &&
        std::none_of(out.begin(), out.end(), [&](CXCursor c) { return clang_equalCursors(c, base); }))
      out.push_back(base);
    virtual_bases(base, out, depth + 1);
  });
}

std::string ItaniumAbi::primary_base(CXCursor record) {
  const CXCursor def = clang_getCursorDefinition(record);
  if (clang_Cursor_isNull(def)) return "";
  const std::string usr = text(clang_getCursorUSR(def));
  if (const auto it = primary_of_usr_.find(usr); it != primary_of_usr_.end()) return it->second;
  primary_of_usr_[usr] = "";
  record_of_usr_.emplace(usr, def);
  std::string out;
  std::vector<std::string> indirect_primaries;  // primary bases of the record's bases
  visit_children(def, [&](CXCursor m) {
    if (clang_getCursorKind(m) != CXCursor_CXXBaseSpecifier) return;
    const CXCursor base = base_declaration(m);
    // Its own chain, for overrides_primary() and for the virtual-base choice below.
    for (std::string p = primary_base(base); !p.empty();) {
      indirect_primaries.push_back(p);
      const auto it = primary_of_usr_.find(p);
      p = it == primary_of_usr_.end() ? "" : it->second;
    }
    if (!out.empty() || clang_isVirtualBase(m) || !dynamic(base)) return;
    out = text(clang_getCursorUSR(clang_getCursorDefinition(base)));
  });
  if (out.empty() && dynamic(def)) {
    // No non-virtual dynamic base: the first nearly empty virtual base in inheritance graph
    // order that is no base's primary, else the first nearly empty one (Itanium 2.4 II.3).
    std::vector<CXCursor> bases;
    virtual_bases(def, bases, 0);
    std::string fallback;
    for (const CXCursor b : bases) {
      if (!nearly_empty(b)) continue;
      const std::string b_usr = text(clang_getCursorUSR(b));
      if (fallback.empty()) fallback = b_usr;
      if (std::find(indirect_primaries.begin(), indirect_primaries.end(), b_usr) ==
          indirect_primaries.end()) {
        out = b_usr;
        break;
      }
    }
    if (out.empty()) out = fallback;
    if (!out.empty()) {
      for (const CXCursor b : bases) {
        if (text(clang_getCursorUSR(b)) == out) primary_base(b);
      }
    }
  }
  primary_of_usr_[usr] = out;
  return out;
}

bool ItaniumAbi::virtual_destructor(CXCursor record, int depth) {
  const CXCursor def = clang_getCursorDefinition(record);
  if (clang_Cursor_isNull(def) || depth > 64) return false;
  bool found = false;
  visit_children(def, [&](CXCursor m) {
    if (found) return;
    const CXCursorKind k = clang_getCursorKind(m);
    if (k == CXCursor_Destructor) found = clang_CXXMethod_isVirtual(m);
    if (k == CXCursor_CXXBaseSpecifier) found = virtual_destructor(base_declaration(m), depth + 1);
  });
  return found;
}

bool ItaniumAbi::implicit_destructor_slot(CXCursor record, const std::string& primary) {
  bool declared = false, inherited = false;
  visit_children(record, [&](CXCursor m) {
    const CXCursorKind k = clang_getCursorKind(m);
    if (k == CXCursor_Destructor) declared = true;
    if (k == CXCursor_CXXBaseSpecifier && !inherited)
      inherited = virtual_destructor(base_declaration(m));
  });
  if (declared || !inherited) return false;
  const auto it = record_of_usr_.find(primary);
  return primary.empty() || it == record_of_usr_.end() || !virtual_destructor(it->second);
}

bool ItaniumAbi::zero_offset_base(CXCursor derived, const std::string& base_usr, int depth) {
  const CXCursor def = clang_getCursorDefinition(derived);
  if (clang_Cursor_isNull(def) || depth > 64) return false;
  if (text(clang_getCursorUSR(def)) == base_usr) return true;
  const std::string primary = primary_base(def);
  const bool is_dynamic = dynamic(def);
  bool found = false, first_non_virtual = true;
  visit_children(def, [&](CXCursor m) {
    if (found || clang_getCursorKind(m) != CXCursor_CXXBaseSpecifier) return;
    const bool is_virtual = clang_isVirtualBase(m);
    const CXCursor base = clang_getCursorDefinition(base_declaration(m));
    const bool first = first_non_virtual && !is_virtual;
    if (!is_virtual) first_non_virtual = false;
    if (is_virtual || clang_Cursor_isNull(base)) return;
    const std::string usr = text(clang_getCursorUSR(base));
    // At offset 0: the primary base, or the first base of a class without a vtable pointer.
    if (usr == primary || (!is_dynamic && first)) found = zero_offset_base(base, base_usr, depth + 1);
  });
  return found;
}

bool ItaniumAbi::needs_return_adjustment(CXCursor method, CXCursor overridden) {
  const auto pointee = [](CXCursor m) {
    CXType t = clang_getCanonicalType(clang_getResultType(clang_getCursorType(m)));
    if (t.kind == CXType_Pointer || t.kind == CXType_LValueReference ||
        t.kind == CXType_RValueReference)
      t = clang_getCanonicalType(clang_getPointeeType(t));
    return t;
  };
  const CXType mine = pointee(method), theirs = pointee(overridden);
  if (mine.kind != CXType_Record || theirs.kind != CXType_Record) return false;
  const CXCursor derived = clang_getCursorDefinition(clang_getTypeDeclaration(mine));
  const CXCursor base = clang_getCursorDefinition(clang_getTypeDeclaration(theirs));
  if (clang_Cursor_isNull(derived) || clang_Cursor_isNull(base)) return false;
  const std::string base_usr = text(clang_getCursorUSR(base));
  if (text(clang_getCursorUSR(derived)) == base_usr) return false;
  return !zero_offset_base(derived, base_usr, 0);
}

bool ItaniumAbi::overrides_primary(CXCursor method, const std::string& primary) {
  if (primary.empty()) return false;
  CXCursor* overridden = nullptr;
  unsigned n = 0;
  clang_getOverriddenCursors(method, &overridden, &n);
  bool found = false;
  for (unsigned i = 0; i < n && !found; ++i) {
    const CXCursor owner = clang_getCursorSemanticParent(overridden[i]);
    const std::string usr = text(clang_getCursorUSR(owner));
    for (std::string chain = primary; !chain.empty() && !found;) {
      found = usr == chain;
      const auto it = primary_of_usr_.find(chain);
      chain = it == primary_of_usr_.end() ? "" : it->second;
    }
    if (!found) found = overrides_primary(overridden[i], primary);
    // A covariant return whose conversion moves the pointer (a base at a non-zero offset, or
    // a virtual base) takes a slot of its own (Itanium 2.5.2).
    if (found && needs_return_adjustment(method, overridden[i])) found = false;
  }
  clang_disposeOverriddenCursors(overridden);
  return found;
}

namespace {

// Whether libclang lists any member of a record: an implicit instantiation (and an explicit
// instantiation declaration, `extern template class basic_string<char>`) lists none.
bool members_listed(CXCursor def) {
  bool any = false;
  visit_children(def, [&](CXCursor m) {
    switch (clang_getCursorKind(m)) {
      case CXCursor_FieldDecl:
      case CXCursor_CXXBaseSpecifier:
      case CXCursor_CXXMethod:
      case CXCursor_Constructor:
      case CXCursor_Destructor:
        any = true;
        break;
      default:
        break;
    }
  });
  return any;
}

}  // namespace

ItaniumAbi::CallClass ItaniumAbi::passed_in_memory(CXCursor record) {
  CXCursor def = clang_getCursorDefinition(record);
  if (clang_Cursor_isNull(def)) def = record;
  const CXCursor pattern = clang_getSpecializedCursorTemplate(def);
  if (!clang_Cursor_isNull(pattern) && !members_listed(def)) {
    // An instantiation. Of a template outside the repository, clang is asked; of one inside,
    // its own members tell (a partial specialization is what clang names as its template).
    const CXType type = clang_getCursorType(def);
    const std::string spelled = text(clang_getTypeSpelling(clang_getCanonicalType(type)));
    const bool guess = pattern_in_memory(pattern);
    if ((in_repository_ && in_repository_(pattern)) || spelled.empty() ||
        spelled.find_first_of("\n\r#") != std::string::npos ||
        spelled.find("(anonymous") != std::string::npos ||
        spelled.find("(unnamed") != std::string::npos || clang_getCanonicalType(type).kind != CXType_Record)
      return CallClass{guess, {}};
    CXFile file = nullptr;
    clang_getSpellingLocation(clang_getCursorLocation(pattern), &file, nullptr, nullptr, nullptr);
    if (file == nullptr) return CallClass{guess, {}};
    template_files_.insert(text(clang_getFileName(file)));
    guesses_.emplace(spelled, guess);
    return CallClass{false, {spelled}};
  }
  const std::string usr = text(clang_getCursorUSR(def));
  if (const auto it = in_memory_.find(usr); it != in_memory_.end()) return it->second;
  in_memory_[usr] = {};  // a record reaching itself through pointers is not a member
  CallClass out;
  bool copies_usable = false, copies_deleted = false;  // declared copy/move constructors
  const auto add = [&out](CallClass c) {
    out.memory = out.memory || c.memory;
    out.ask_clang.merge(c.ask_clang);
  };
  visit_children(def, [&](CXCursor m) {
    const CXCursorKind k = clang_getCursorKind(m);
    if (out.memory) return;
    if (k == CXCursor_CXXBaseSpecifier) {
      if (clang_isVirtualBase(m)) out.memory = true;
      else add(passed_in_memory(clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(m)))));
    } else if (k == CXCursor_FieldDecl) {
      CXType t = clang_getCanonicalType(clang_getCursorType(m));
      while (t.kind == CXType_ConstantArray)
        t = clang_getCanonicalType(clang_getArrayElementType(t));
      if (t.kind == CXType_Record) add(passed_in_memory(clang_getTypeDeclaration(t)));
    } else if (k == CXCursor_CXXMethod) {
      out.memory = clang_CXXMethod_isVirtual(m);
    } else if (k == CXCursor_Destructor ||
               (k == CXCursor_Constructor && (clang_CXXConstructor_isCopyConstructor(m) ||
                                              clang_CXXConstructor_isMoveConstructor(m)))) {
      const bool deleted = clang_getCursorAvailability(m) == CXAvailability_NotAvailable;
      if (k == CXCursor_Constructor) (deleted ? copies_deleted : copies_usable) = true;
      out.memory = clang_CXXMethod_isVirtual(m) || (!clang_CXXMethod_isDefaulted(m) && !deleted);
    }
  });
  // Every copy and move constructor deleted (one declared deleted suppresses or deletes the
  // implicit other): nothing can copy it into registers.
  if (copies_deleted && !copies_usable) out.memory = true;
  if (out.memory) out.ask_clang.clear();
  in_memory_[usr] = out;
  return out;
}

bool ItaniumAbi::pattern_in_memory(CXCursor pattern) {
  const std::string usr = text(clang_getCursorUSR(pattern));
  if (const auto it = pattern_memory_.find(usr); it != pattern_memory_.end()) return it->second;
  pattern_memory_[usr] = false;
  // The template's own members: right for std::unique_ptr, wrong where triviality is chosen by
  // partially specialized bases. Only a guess for when clang cannot be asked.
  const CallClass c = passed_in_memory(pattern);
  bool memory = c.memory;
  for (const std::string& t : c.ask_clang) memory = memory || guess(t);
  pattern_memory_[usr] = memory;
  return memory;
}

bool ItaniumAbi::guess(const std::string& type) const {
  const auto it = guesses_.find(type);
  return it != guesses_.end() && it->second;
}

}  // namespace breakwater::cpp
