#pragma once

#include <breakwater/model.hpp>

#include "formats/protobuf/source_locations.hpp"

namespace google::protobuf {
class FileDescriptor;
}

namespace breakwater::protobuf {

// The file entity for one linked file: every message, field, enum, service, extension, oneof,
// reserved and extension range, with the attributes the checks compare and their positions.
Entity file_to_model(const google::protobuf::FileDescriptor& file, const SpanIndex& spans,
                     uint32_t file_id);

}  // namespace breakwater::protobuf
