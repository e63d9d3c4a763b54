// Protobuf editions on libprotobuf 3.21, which predates them: an `edition = "2023";` file is
// read by the system parser as the syntax whose grammar editions keep (unlabelled fields), built
// with proto2's rules (defaults, closed enums, extensions allowed), and its features resolved
// here the way protoc resolves them: the edition's defaults, then the file's, message's,
// enum's and field's `features` options, innermost last.
#pragma once

#include <google/protobuf/descriptor.h>

#include <optional>
#include <string>
#include <string_view>

namespace breakwater::protobuf {

// Editions this build resolves features for.
bool supported_edition(std::string_view edition);
inline constexpr std::string_view kSupportedEditions = "\"2023\" and \"2024\"";

// The `edition = "...";` statement opening a file's text (comments and blanks before it
// skipped): its value and byte range, or nothing when the file does not open with one.
struct EditionStatement {
  std::string edition;
  size_t begin = 0, end = 0;  // [begin, end) covers `edition ... ;`
};
std::optional<EditionStatement> edition_statement(std::string_view text);

// The text the 3.21 parser reads instead: the statement replaced in place, the same length
// where it fits, so every later position stays where it was; reserved names, which editions
// write as identifiers, quoted; edition 2024's symbol visibility (`export`, `local`) and option
// imports (`import option "x.proto";`, read as a plain import) blanked out in place.
std::string as_parseable(std::string text, const EditionStatement& statement);

// FileDescriptorProto.edition (field 14, unknown to 3.21) of a descriptor set's file written
// by a newer compiler, as text ("2023"), or "" when unset.
std::string edition_of(const google::protobuf::FileDescriptorProto& file);

// Features resolved for one element. Values are the enum names of descriptor.proto's FeatureSet
// (and pb.cpp / pb.java's extensions): "EXPLICIT", "OPEN", "VERIFY", ...
struct Features {
  std::string field_presence = "EXPLICIT";
  std::string enum_type = "OPEN";
  std::string repeated_field_encoding = "PACKED";
  std::string utf8_validation = "VERIFY";
  std::string message_encoding = "LENGTH_PREFIXED";
  std::string json_format = "ALLOW";
  std::string cpp_string_type = "STRING";
  std::string java_utf8_validation = "DEFAULT";

  // The edition's defaults (2024: C++ string fields are views).
  static Features of_edition(std::string_view edition);
  // These, overridden by what `options` (a FileOptions, MessageOptions, FieldOptions or
  // EnumOptions) sets in its `features` field.
  Features with(const google::protobuf::Message& options) const;
};

}  // namespace breakwater::protobuf
