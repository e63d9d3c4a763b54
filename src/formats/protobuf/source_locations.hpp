// Positions of declarations inside one .proto file, looked up by SourceCodeInfo path.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <vector>

namespace google::protobuf {
class SourceCodeInfo;
}

namespace breakwater::protobuf {

struct Span {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based
};

class SpanIndex {
 public:
  SpanIndex() = default;
  explicit SpanIndex(const google::protobuf::SourceCodeInfo& info);
  // The start of the declaration at `path` (a descriptor.proto field-number path); {} if absent.
  Span at(const std::vector<int>& path) const;

 private:
  std::unordered_map<std::string, Span> spans_;
};

}  // namespace breakwater::protobuf
