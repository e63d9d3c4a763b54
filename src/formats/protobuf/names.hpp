// Kinds and attribute names of the protobuf model, shared by the loader and the checks so the
// two cannot drift apart through a typo.
#pragma once

#include <string_view>

namespace breakwater::protobuf::names {

inline constexpr std::string_view kFile = "file";
inline constexpr std::string_view kImport = "import";
inline constexpr std::string_view kMessage = "message";
inline constexpr std::string_view kField = "field";
inline constexpr std::string_view kExtension = "extension";
inline constexpr std::string_view kOneof = "oneof";
inline constexpr std::string_view kEnum = "enum";
inline constexpr std::string_view kEnumValue = "enum_value";
inline constexpr std::string_view kService = "service";
inline constexpr std::string_view kRpc = "rpc";
inline constexpr std::string_view kReservedRange = "reserved_range";
inline constexpr std::string_view kReservedName = "reserved_name";
inline constexpr std::string_view kExtensionRange = "extension_range";

// Attributes (only those set by the loader; options appear only when spelled in the source).
inline constexpr std::string_view kPackage = "package";
inline constexpr std::string_view kSyntax = "syntax";
inline constexpr std::string_view kNumber = "number";
inline constexpr std::string_view kType = "type";           // int32 ... message, enum, group
inline constexpr std::string_view kTypeName = "type_name";  // full name of message/enum types
inline constexpr std::string_view kCardinality = "cardinality";
inline constexpr std::string_view kOneofName = "oneof";  // the real oneof holding the field
inline constexpr std::string_view kProto3Optional = "proto3_optional";
inline constexpr std::string_view kJsonName = "json_name";          // explicit json_name only
inline constexpr std::string_view kDefault = "default";             // effective default if not zero
inline constexpr std::string_view kDefaultShown = "default_shown";  // enums: Enum.VALUE
inline constexpr std::string_view kMapKey = "map_key";              // map fields: key type
inline constexpr std::string_view kMapValue = "map_value";  // map fields: value type (full name)
inline constexpr std::string_view kExtendee = "extendee";
inline constexpr std::string_view kEnumValues = "enum_values";  // enum fields: NAME=n,... sorted
inline constexpr std::string_view kUtf8Validation = "utf8_validation";           // VERIFY / NONE
inline constexpr std::string_view kJavaUtf8Validation = "java_utf8_validation";  // VERIFY / NONE
inline constexpr std::string_view kClosed = "closed";        // enums: closed (proto2) or open
inline constexpr std::string_view kSynthetic = "synthetic";  // oneofs made for proto3 optional
inline constexpr std::string_view kMapEntry = "map_entry";
inline constexpr std::string_view kJsonFormat = "json_format";  // ALLOW / LEGACY_BEST_EFFORT
inline constexpr std::string_view kInputType = "input_type";
inline constexpr std::string_view kOutputType = "output_type";
inline constexpr std::string_view kClientStreaming = "client_streaming";
inline constexpr std::string_view kServerStreaming = "server_streaming";
inline constexpr std::string_view kStart = "start";  // ranges, inclusive
inline constexpr std::string_view kEnd = "end";      // ranges, inclusive

}  // namespace breakwater::protobuf::names
