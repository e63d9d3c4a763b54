// Cursors to model: the walk over libclang's translation unit that turns what is declared under
// the input root into entities (records with their layout, functions and methods with their
// mangled names, enums, typedefs, templates, variables, macros) under one "api" root. ABI
// classification (itanium_abi.hpp), special members (special_members.hpp) and token-level
// reading (tokens.hpp) are asked for what cursors do not say directly.
#pragma once

#include <breakwater/model.hpp>

#include "formats/cpp/itanium_abi.hpp"
#include "formats/cpp/special_members.hpp"

#include "formats/cpp/libclang.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace breakwater::cpp {

// The name of the in-memory translation unit that includes every header, placed in the include
// root (so that quoted includes resolve as from a header there).
inline constexpr std::string_view kUmbrella = "<breakwater umbrella>.cpp";

// Whether `file` is one of the excluded headers or lies under an excluded directory.
bool excluded(const std::filesystem::path& file, const std::vector<std::filesystem::path>& exclude);

// Walks the translation unit and builds the model of what is declared under the input root.
class Modeler {
 public:
  Modeler(Schema& schema, std::filesystem::path root, std::vector<std::filesystem::path> exclude,
          Entity& api);

  void walk(CXCursor parent, const std::string& scope);

  const std::vector<std::string>& macro_definitions() const { return definitions_; }
  const std::vector<std::string>& macro_names() const { return macro_names_; }
  const ItaniumAbi& abi() const { return abi_; }

 private:
  // Where the cursor is spelled, when that is under the input root.
  std::optional<SourceRef> where(CXCursor c);
  void declaration(CXCursor c, const std::string& scope);
  Entity named(std::string_view kind, const std::string& key, SourceRef at);
  void add(Entity e);
  void template_decl(CXCursor c, const std::string& qualified, SourceRef at);
  void record(CXCursor c, const std::string& qualified, SourceRef at);
  void enumeration(CXCursor c, const std::string& qualified, SourceRef at);
  // `enum { A = 1, B = 2 };`: each enumerator is a named constant of the enclosing scope.
  void unnamed_enumeration(CXCursor c, const std::string& scope, SourceRef at);
  // A function or method; returns its signature within its scope, "name(params) quals".
  std::string function(CXCursor c, const std::string& qualified, SourceRef at,
                       const std::string& record);
  void variable(CXCursor c, const std::string& qualified, SourceRef at);
  void macro(CXCursor c, const std::string& name, SourceRef at);

  Schema& schema_;
  std::filesystem::path root_;
  std::vector<std::filesystem::path> exclude_;
  Entity& api_;
  std::map<std::string, uint32_t>
      files_;  // file name as libclang spells it -> file id (0: outside)
  std::set<std::string> seen_;
  ItaniumAbi abi_;
  SpecialMembers special_members_;
  std::map<std::string, size_t> templates_;       // qualified name -> index in api_.children
  std::map<std::string, uint64_t> field_trees_;   // record USR -> fields libclang validates
  std::map<std::string, size_t> function_index_;  // USR -> index in api_.children
  std::string inline_ns_;                         // the inline namespaces around the walk
  int in_template_ = 0;  // inside a class template's definition: dependent, nothing mangled
  std::vector<std::string> definitions_;          // every #define under the root, as written
  std::vector<std::string> macro_names_;          // object-like macros with a value
};

}  // namespace breakwater::cpp
