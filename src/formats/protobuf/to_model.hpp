#pragma once

#include <breakwater/model.hpp>

#include <string_view>

#include "formats/protobuf/source_locations.hpp"

namespace google::protobuf {
class FileDescriptor;
}

namespace breakwater::protobuf {

// The file entity for one linked file: every message, field, enum, service, extension, oneof,
// reserved and extension range, with the attributes the checks compare and their positions.
// `edition`: "2023" for an editions file (built with proto2's rules; its features decide), ""
// for a proto2 or proto3 file.
Entity file_to_model(const google::protobuf::FileDescriptor& file, const SpanIndex& spans,
                     uint32_t file_id, std::string_view edition = {});

}  // namespace breakwater::protobuf
