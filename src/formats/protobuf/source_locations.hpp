// Positions of declarations inside one .proto file, looked up by SourceCodeInfo path.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace google::protobuf {
class FileDescriptorProto;
class SourceCodeInfo;
}  // namespace google::protobuf

namespace breakwater::protobuf {

struct Span {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based
};

class SpanIndex {
 public:
  SpanIndex() = default;
  // `file` supplies the uninterpreted options that option positions refer to before linking:
  // [.., options, 999, i] is re-keyed to [.., options, <the option's field number>], as
  // libprotobuf's option interpreter does, so the pool need not keep a copy of the source info.
  SpanIndex(const google::protobuf::FileDescriptorProto& file,
            const google::protobuf::SourceCodeInfo& info);
  // The start of the declaration at `path` (a descriptor.proto field-number path); {} if absent.
  Span at(const std::vector<int>& path) const;

 private:
  std::vector<std::pair<uint64_t, Span>> spans_;  // sorted by path hash
};

}  // namespace breakwater::protobuf
