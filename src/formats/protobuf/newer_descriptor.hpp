// descriptor.proto as protobuf releases after the system's libprotobuf 3.21 define it: the
// options they added (`debug_redact`, `retention`, `targets`, `features`, ...) and the editions
// types (`Edition`, `FeatureSet`). Files using them parse, link and compare; the system's own
// copy is the base and our additions (newer_descriptor.cpp) are merged into it.
#pragma once

#include <google/protobuf/descriptor.pb.h>

#include <string_view>

namespace breakwater::protobuf {

inline constexpr const char* kDescriptorProtoName = "google/protobuf/descriptor.proto";

// The merged google/protobuf/descriptor.proto (built once, shared, immutable).
const google::protobuf::FileDescriptorProto& newer_descriptor_proto();

// google/protobuf/{cpp,java,go}_features.proto, our declaration of the language features
// editions files import (none ship with 3.21); nullptr for any other name.
const google::protobuf::FileDescriptorProto* language_features_proto(std::string_view name);

}  // namespace breakwater::protobuf
