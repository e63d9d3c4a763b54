// The special members clients can use, from a record's declarations. See special_members.hpp.
#include "formats/cpp/special_members.hpp"

#include "formats/cpp/clang_handles.hpp"
#include "formats/cpp/cursors.hpp"
#include "formats/cpp/tokens.hpp"

#include <algorithm>
#include <vector>

namespace breakwater::cpp {
namespace {

// 'p' (protected) never reaches here: bases and members map it first.
char both(char a, char b) {
  return a == 'n' || b == 'n' ? 'n' : a == '?' || b == '?' ? '?' : 'y';
}

}  // namespace

Specials SpecialMembers::specials(CXCursor record) {
  CXCursor def = clang_getCursorDefinition(record);
  if (const CXCursor pattern =
          clang_getSpecializedCursorTemplate(clang_Cursor_isNull(def) ? record : def);
      !clang_Cursor_isNull(pattern)) {
    def = pattern;  // std::unique_ptr<T>: its template's members
  }
  if (clang_Cursor_isNull(def) || clang_getCursorKind(def) == CXCursor_UnionDecl) return {};
  const std::string usr = text(clang_getCursorUSR(def));
  if (const auto it = specials_.find(usr); it != specials_.end()) return it->second;
  specials_[usr] = Specials{};  // a record reaching itself through pointers
  const std::string own = spelling(def);
  Specials s;
  bool any_ctor = false, ctor_template = false, move_declared = false;
  char make = 'y', copy = 'y', assign = 'y';  // what the implicit members would do
  const auto fold = [&](const Specials& part) {
    make = both(make, part.make);
    copy = both(copy, part.copy);
    assign = both(assign, part.assign);
  };
  visit_children(def, [&](CXCursor m) {
    const CXCursorKind k = clang_getCursorKind(m);
    // 'y' usable by anyone, 'p' only by derived classes (protected), 'n' by no one.
    const CX_CXXAccessSpecifier access = clang_getCXXAccessSpecifier(m);
    const char usable = clang_getCursorAvailability(m) == CXAvailability_NotAvailable ? 'n'
                        : access == CX_CXXPublic                                      ? 'y'
                        : access == CX_CXXProtected                                   ? 'p'
                                                                                      : 'n';
    if (k == CXCursor_Constructor) {
      any_ctor = true;
      if (clang_CXXConstructor_isCopyConstructor(m)) {
        s.copy_declared = true;
        s.copy = usable;
      } else if (clang_CXXConstructor_isMoveConstructor(m)) {
        move_declared = true;
      } else if (clang_CXXConstructor_isDefaultConstructor(m)) {
        s.make_declared = true;
        s.make = usable;
      }
    } else if (k == CXCursor_FunctionTemplate &&
               spelling(m).substr(0, spelling(m).find('<')) == own) {
      // A constructor template suppresses the implicit default constructor, and may itself
      // take no arguments (std::unique_ptr's does).
      any_ctor = true;
      ctor_template = true;
    } else if (k == CXCursor_CXXMethod && spelling(m) == "operator=" &&
               clang_Cursor_getNumArguments(m) == 1) {
      const CXType t = clang_getCursorType(clang_Cursor_getArgument(m, 0));
      const CXType pointee = clang_getCanonicalType(clang_getPointeeType(t));
      const bool same = spelling(clang_getTypeDeclaration(pointee)) == own ||
                        spelling(clang_getTypeDeclaration(clang_getCanonicalType(t))) == own;
      if (t.kind == CXType_RValueReference) {
        move_declared = move_declared || same;  // operator=(int&&) is no move assignment
      } else if (same) {
        s.assign_declared = true;
        s.assign = usable;
      }
    } else if (k == CXCursor_FieldDecl) {
      CXType t = clang_getCanonicalType(clang_getCursorType(m));
      while (t.kind == CXType_ConstantArray)
        t = clang_getCanonicalType(clang_getArrayElementType(t));
      // A default member initializer (`M m{1};`, `int& r = x;`) constructs the member.
      const std::vector<std::string> tokens = tokens_of(m);
      const bool initialized = std::find(tokens.begin(), tokens.end(), "=") != tokens.end() ||
                               std::find(tokens.begin(), tokens.end(), "{") != tokens.end();
      if (t.kind == CXType_LValueReference || t.kind == CXType_RValueReference) {
        if (!initialized) make = both(make, '?');
        assign = 'n';
      } else if (clang_isConstQualifiedType(t)) {
        if (t.kind != CXType_Record && !initialized) make = both(make, '?');
        assign = 'n';
      }
      if (t.kind == CXType_Record) {
        Specials member = specials(clang_getTypeDeclaration(t));
        for (char* part : {&member.make, &member.copy, &member.assign}) {
          if (*part == 'p') *part = 'n';  // a member's protected members are out of reach
        }
        if (initialized) member.make = 'y';
        fold(member);
      }
    } else if (k == CXCursor_CXXBaseSpecifier) {
      // A base member that is deleted or private stops the derived class's implicit one.
      Specials base =
          specials(clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(m))));
      for (char* part : {&base.make, &base.copy, &base.assign}) {
        if (*part == 'p') *part = 'y';  // a derived class reaches protected members
      }
      fold(base);
    }
  });
  if (!s.make_declared) s.make = !any_ctor ? make : ctor_template ? '?' : 'n';
  if (!s.copy_declared) s.copy = move_declared ? 'n' : copy;
  if (!s.assign_declared) s.assign = move_declared ? 'n' : assign;
  specials_[usr] = s;
  return s;
}

}  // namespace breakwater::cpp
