// Positions of declarations inside one .proto file, looked up by SourceCodeInfo path.
#pragma once

#include <cstdint>
#include <string_view>
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

// libprotobuf counts columns in bytes with tabs expanded to 8; users (and SARIF's
// "unicodeCodePoints") count characters. Maps a 0-based libprotobuf column to a 1-based
// character column using the file's text; without text the column is kept.
class ColumnMapper {
 public:
  explicit ColumnMapper(std::string_view text);
  uint32_t column(int line, int column) const;  // both 0-based in; 1-based out

 private:
  std::string_view text_;
  std::vector<uint32_t> line_starts_;
  std::vector<bool> plain_;  // line has no tab and no byte >= 0x80: columns need no mapping
};

class SpanIndex {
 public:
  SpanIndex() = default;
  // `file` supplies the uninterpreted options that option positions refer to before linking:
  // [.., options, 999, i] is re-keyed to [.., options, <the option's field number>], as
  // libprotobuf's option interpreter does, so the pool need not keep a copy of the source info.
  SpanIndex(const google::protobuf::FileDescriptorProto& file,
            const google::protobuf::SourceCodeInfo& info, const ColumnMapper& columns);
  // The start of the declaration at `path` (a descriptor.proto field-number path); {} if absent.
  Span at(const std::vector<int>& path) const;

 private:
  std::vector<std::pair<uint64_t, Span>> spans_;  // sorted by path hash
};

}  // namespace breakwater::protobuf
