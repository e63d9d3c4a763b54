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
