#include "formats/protobuf/newer_descriptor.hpp"

#include <google/protobuf/compiler/parser.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>

namespace breakwater::protobuf {
namespace {

namespace gp = google::protobuf;

// What descriptor.proto gained after 3.21 (protobuf 22 to 30), by field number: only the
// declarations; the messages named like 3.21's are merged into them. Written for option
// interpretation and feature resolution, not as a copy of upstream's file.
constexpr const char* kAdditions = R"proto(
syntax = "proto2";
package google.protobuf;

enum Edition {
  EDITION_UNKNOWN = 0;
  EDITION_LEGACY = 900;
  EDITION_PROTO2 = 998;
  EDITION_PROTO3 = 999;
  EDITION_2023 = 1000;
  EDITION_2024 = 1001;
  EDITION_1_TEST_ONLY = 1;
  EDITION_2_TEST_ONLY = 2;
  EDITION_99997_TEST_ONLY = 99997;
  EDITION_99998_TEST_ONLY = 99998;
  EDITION_99999_TEST_ONLY = 99999;
  EDITION_MAX = 2147483647;
}

enum SymbolVisibility {
  VISIBILITY_UNSET = 0;
  VISIBILITY_LOCAL = 1;
  VISIBILITY_EXPORT = 2;
}

message FeatureSet {
  enum FieldPresence {
    FIELD_PRESENCE_UNKNOWN = 0;
    EXPLICIT = 1;
    IMPLICIT = 2;
    LEGACY_REQUIRED = 3;
  }
  optional FieldPresence field_presence = 1;
  enum EnumType {
    ENUM_TYPE_UNKNOWN = 0;
    OPEN = 1;
    CLOSED = 2;
  }
  optional EnumType enum_type = 2;
  enum RepeatedFieldEncoding {
    REPEATED_FIELD_ENCODING_UNKNOWN = 0;
    PACKED = 1;
    EXPANDED = 2;
  }
  optional RepeatedFieldEncoding repeated_field_encoding = 3;
  enum Utf8Validation {
    UTF8_VALIDATION_UNKNOWN = 0;
    VERIFY = 2;
    NONE = 3;
    reserved 1;
  }
  optional Utf8Validation utf8_validation = 4;
  enum MessageEncoding {
    MESSAGE_ENCODING_UNKNOWN = 0;
    LENGTH_PREFIXED = 1;
    DELIMITED = 2;
  }
  optional MessageEncoding message_encoding = 5;
  enum JsonFormat {
    JSON_FORMAT_UNKNOWN = 0;
    ALLOW = 1;
    LEGACY_BEST_EFFORT = 2;
  }
  optional JsonFormat json_format = 6;
  enum EnforceNamingStyle {
    ENFORCE_NAMING_STYLE_UNKNOWN = 0;
    STYLE2024 = 1;
    STYLE_LEGACY = 2;
  }
  optional EnforceNamingStyle enforce_naming_style = 7;
  message VisibilityFeature {
    enum DefaultSymbolVisibility {
      DEFAULT_SYMBOL_VISIBILITY_UNKNOWN = 0;
      EXPORT_ALL = 1;
      EXPORT_TOP_LEVEL = 2;
      LOCAL_ALL = 3;
      STRICT = 4;
    }
    reserved 1 to max;
  }
  optional VisibilityFeature.DefaultSymbolVisibility default_symbol_visibility = 8;
  reserved 999;
  extensions 1000 to 9994, 9995 to 9999, 10000;
}

message FeatureSetDefaults {
  message FeatureSetEditionDefault {
    optional Edition edition = 3;
    optional FeatureSet overridable_features = 4;
    optional FeatureSet fixed_features = 5;
    reserved 1, 2;
  }
  repeated FeatureSetEditionDefault defaults = 1;
  optional Edition minimum_edition = 4;
  optional Edition maximum_edition = 5;
}

message FileDescriptorProto {
  optional Edition edition = 14;
}

message DescriptorProto {
  optional SymbolVisibility visibility = 11;
}

message EnumDescriptorProto {
  optional SymbolVisibility visibility = 6;
}

message FileOptions {
  optional FeatureSet features = 50;
}

message MessageOptions {
  optional bool deprecated_legacy_json_field_conflicts = 11 [deprecated = true];
  optional FeatureSet features = 12;
}

message FieldOptions {
  optional bool debug_redact = 16 [default = false];
  enum OptionRetention {
    RETENTION_UNKNOWN = 0;
    RETENTION_RUNTIME = 1;
    RETENTION_SOURCE = 2;
  }
  optional OptionRetention retention = 17;
  enum OptionTargetType {
    TARGET_TYPE_UNKNOWN = 0;
    TARGET_TYPE_FILE = 1;
    TARGET_TYPE_EXTENSION_RANGE = 2;
    TARGET_TYPE_MESSAGE = 3;
    TARGET_TYPE_FIELD = 4;
    TARGET_TYPE_ONEOF = 5;
    TARGET_TYPE_ENUM = 6;
    TARGET_TYPE_ENUM_ENTRY = 7;
    TARGET_TYPE_SERVICE = 8;
    TARGET_TYPE_METHOD = 9;
  }
  repeated OptionTargetType targets = 19;
  message EditionDefault {
    optional Edition edition = 3;
    optional string value = 2;
  }
  repeated EditionDefault edition_defaults = 20;
  optional FeatureSet features = 21;
  message FeatureSupport {
    optional Edition edition_introduced = 1;
    optional Edition edition_deprecated = 2;
    optional string deprecation_warning = 3;
    optional Edition edition_removed = 4;
  }
  optional FeatureSupport feature_support = 22;
}

message OneofOptions {
  optional FeatureSet features = 1;
}

message EnumOptions {
  optional bool deprecated_legacy_json_field_conflicts = 6 [deprecated = true];
  optional FeatureSet features = 7;
}

message EnumValueOptions {
  optional FeatureSet features = 2;
  optional bool debug_redact = 3 [default = false];
  optional FieldOptions.FeatureSupport feature_support = 4;
}

message ServiceOptions {
  optional FeatureSet features = 34;
}

message MethodOptions {
  optional FeatureSet features = 35;
}

message ExtensionRangeOptions {
  message Declaration {
    optional int32 number = 1;
    optional string full_name = 2;
    optional string type = 3;
    optional bool reserved = 5;
    optional bool repeated = 6;
    reserved 4;
  }
  repeated Declaration declaration = 2;
  optional FeatureSet features = 50;
  enum VerificationState {
    DECLARATION = 0;
    UNVERIFIED = 1;
  }
  optional VerificationState verification = 3 [default = UNVERIFIED];
}
)proto";

// The language features editions files import (`features.(pb.cpp).string_type = VIEW`):
// google/protobuf/{cpp,java,go}_features.proto, which 3.21 does not ship.
constexpr const char* kCppFeatures = R"proto(
syntax = "proto2";
package pb;
import "google/protobuf/descriptor.proto";
extend google.protobuf.FeatureSet {
  optional CppFeatures cpp = 1000;
}
message CppFeatures {
  optional bool legacy_closed_enum = 1;
  enum StringType {
    STRING_TYPE_UNKNOWN = 0;
    VIEW = 1;
    CORD = 2;
    STRING = 3;
  }
  optional StringType string_type = 2;
  optional bool enum_name_uses_string_view = 3;
}
)proto";

constexpr const char* kJavaFeatures = R"proto(
syntax = "proto2";
package pb;
import "google/protobuf/descriptor.proto";
extend google.protobuf.FeatureSet {
  optional JavaFeatures java = 1001;
}
message JavaFeatures {
  optional bool legacy_closed_enum = 1;
  enum Utf8Validation {
    UTF8_VALIDATION_UNKNOWN = 0;
    DEFAULT = 1;
    VERIFY = 2;
  }
  optional Utf8Validation utf8_validation = 2;
  optional bool large_enum = 3;
  optional bool use_old_outer_classname_default = 4;
  message NestInFileClassFeature {
    enum NestInFileClass {
      NEST_IN_FILE_CLASS_UNKNOWN = 0;
      NO = 1;
      YES = 2;
      LEGACY = 3;
    }
    reserved 1 to max;
  }
  optional NestInFileClassFeature.NestInFileClass nest_in_file_class = 5;
}
)proto";

constexpr const char* kGoFeatures = R"proto(
syntax = "proto2";
package pb;
import "google/protobuf/descriptor.proto";
extend google.protobuf.FeatureSet {
  optional GoFeatures go = 1002;
}
message GoFeatures {
  optional bool legacy_unmarshal_json_enum = 1;
  enum APILevel {
    API_LEVEL_UNSPECIFIED = 0;
    API_OPEN = 1;
    API_HYBRID = 2;
    API_OPAQUE = 3;
  }
  optional APILevel api_level = 2;
  enum StripEnumPrefix {
    STRIP_ENUM_PREFIX_UNSPECIFIED = 0;
    STRIP_ENUM_PREFIX_KEEP = 1;
    STRIP_ENUM_PREFIX_GENERATE_BOTH = 2;
    STRIP_ENUM_PREFIX_STRIP = 3;
  }
  optional StripEnumPrefix strip_enum_prefix = 3;
}
)proto";

class Throwing : public gp::io::ErrorCollector {
 public:
  void AddError(int line, gp::io::ColumnNumber, const std::string& message) override {
    throw std::logic_error("newer_descriptor.cpp additions, line " + std::to_string(line + 1) +
                           ": " + message);
  }
};

gp::FileDescriptorProto parse_own(const char* own_text) {
  Throwing errors;
  const std::string text = own_text;
  gp::io::ArrayInputStream input(text.data(), static_cast<int>(text.size()));
  gp::io::Tokenizer tokenizer(&input, &errors);
  gp::compiler::Parser parser;
  parser.RecordErrorsTo(&errors);
  gp::FileDescriptorProto out;
  parser.Parse(&tokenizer, &out);
  return out;
}

void merge_message(gp::DescriptorProto& base, const gp::DescriptorProto& extra);

// Messages of `extra` merged into those of the same name in `mine`, the others appended.
void merge_messages(google::protobuf::RepeatedPtrField<gp::DescriptorProto>& mine,
                    const google::protobuf::RepeatedPtrField<gp::DescriptorProto>& extra) {
  for (const auto& message : extra) {
    const auto same = std::find_if(mine.begin(), mine.end(),
                                   [&](const auto& m) { return m.name() == message.name(); });
    if (same != mine.end()) {
      merge_message(*same, message);
    } else {
      *mine.Add() = message;
    }
  }
}

// Enums of `extra` that `mine` lacks by name, appended.
void add_enums(google::protobuf::RepeatedPtrField<gp::EnumDescriptorProto>& mine,
               const google::protobuf::RepeatedPtrField<gp::EnumDescriptorProto>& extra) {
  for (const auto& e : extra) {
    if (std::none_of(mine.begin(), mine.end(), [&](const auto& m) { return m.name() == e.name(); }))
      *mine.Add() = e;
  }
}

// Adds what `extra` declares to `base`, a message of the same name: fields, nested types and
// enums, ranges; nothing `base` already has (a later libprotobuf with some of them is a no-op).
void merge_message(gp::DescriptorProto& base, const gp::DescriptorProto& extra) {
  for (const auto& f : extra.field()) {
    if (std::none_of(base.field().begin(), base.field().end(),
                     [&](const auto& mine) { return mine.number() == f.number(); }))
      *base.add_field() = f;
  }
  merge_messages(*base.mutable_nested_type(), extra.nested_type());
  add_enums(*base.mutable_enum_type(), extra.enum_type());
  if (base.extension_range_size() == 0) *base.mutable_extension_range() = extra.extension_range();
  if (base.reserved_range_size() == 0) *base.mutable_reserved_range() = extra.reserved_range();
}

gp::FileDescriptorProto build() {
  gp::FileDescriptorProto base;
  gp::FileDescriptorProto::descriptor()->file()->CopyTo(&base);
  const gp::FileDescriptorProto extra = parse_own(kAdditions);
  merge_messages(*base.mutable_message_type(), extra.message_type());
  add_enums(*base.mutable_enum_type(), extra.enum_type());
  return base;
}

}  // namespace

const gp::FileDescriptorProto& newer_descriptor_proto() {
  static const gp::FileDescriptorProto merged = build();
  return merged;
}

const gp::FileDescriptorProto* language_features_proto(std::string_view name) {
  static const auto named = [](const char* file, const char* text) {
    gp::FileDescriptorProto out = parse_own(text);
    out.set_name(file);
    return out;
  };
  static const gp::FileDescriptorProto cpp =
      named("google/protobuf/cpp_features.proto", kCppFeatures);
  static const gp::FileDescriptorProto java =
      named("google/protobuf/java_features.proto", kJavaFeatures);
  static const gp::FileDescriptorProto go = named("google/protobuf/go_features.proto", kGoFeatures);
  for (const gp::FileDescriptorProto* f : {&cpp, &java, &go})
    if (f->name() == name) return f;
  return nullptr;
}

}  // namespace breakwater::protobuf
