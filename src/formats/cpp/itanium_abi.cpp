// Itanium ABI classification of records: primary bases and vtable slots, and the calling
// convention ("trivial for the purposes of calls"). See itanium_abi.hpp.
#include "formats/cpp/itanium_abi.hpp"

#include "formats/cpp/clang_handles.hpp"
#include "formats/cpp/cursors.hpp"

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

std::string ItaniumAbi::primary_base(CXCursor record) {
  const CXCursor def = clang_getCursorDefinition(record);
  if (clang_Cursor_isNull(def)) return "";
  const std::string usr = text(clang_getCursorUSR(def));
  if (const auto it = primary_of_usr_.find(usr); it != primary_of_usr_.end()) return it->second;
  primary_of_usr_[usr] = "";
  std::string out;
  visit_children(def, [&](CXCursor m) {
    if (!out.empty() || clang_getCursorKind(m) != CXCursor_CXXBaseSpecifier ||
        clang_isVirtualBase(m))
      return;
    const CXCursor base = clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(m)));
    if (!dynamic(base)) return;
    out = text(clang_getCursorUSR(clang_getCursorDefinition(base)));
    primary_base(base);  // its own chain, for overrides_primary()
  });
  primary_of_usr_[usr] = out;
  return out;
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
  }
  clang_disposeOverriddenCursors(overridden);
  return found;
}

bool ItaniumAbi::passed_in_memory(CXCursor record) {
  CXCursor def = clang_getCursorDefinition(record);
  // libclang does not list the members of an implicit instantiation (std::unique_ptr<Impl>):
  // its template's members tell the same story about copying and destruction.
  if (const CXCursor pattern =
          clang_getSpecializedCursorTemplate(clang_Cursor_isNull(def) ? record : def);
      !clang_Cursor_isNull(pattern)) {
    def = pattern;
  }
  if (clang_Cursor_isNull(def)) return false;
  const std::string usr = text(clang_getCursorUSR(def));
  if (const auto it = in_memory_.find(usr); it != in_memory_.end()) return it->second;
  in_memory_[usr] = false;  // a record reaching itself through pointers is not a member
  bool memory = false;
  visit_children(def, [&](CXCursor m) {
    const CXCursorKind k = clang_getCursorKind(m);
    if (memory) return;
    if (k == CXCursor_CXXBaseSpecifier) {
      memory = clang_isVirtualBase(m) || passed_in_memory(clang_getTypeDeclaration(
                                             clang_getCanonicalType(clang_getCursorType(m))));
    } else if (k == CXCursor_FieldDecl) {
      CXType t = clang_getCanonicalType(clang_getCursorType(m));
      while (t.kind == CXType_ConstantArray)
        t = clang_getCanonicalType(clang_getArrayElementType(t));
      if (t.kind == CXType_Record) memory = passed_in_memory(clang_getTypeDeclaration(t));
    } else if (k == CXCursor_CXXMethod) {
      memory = clang_CXXMethod_isVirtual(m);
    } else if (k == CXCursor_Destructor ||
               (k == CXCursor_Constructor && (clang_CXXConstructor_isCopyConstructor(m) ||
                                              clang_CXXConstructor_isMoveConstructor(m)))) {
      memory = clang_CXXMethod_isVirtual(m) ||
               (!clang_CXXMethod_isDefaulted(m) &&
                clang_getCursorAvailability(m) != CXAvailability_NotAvailable);
    }
  });
  in_memory_[usr] = memory;
  return memory;
}

}  // namespace breakwater::cpp
