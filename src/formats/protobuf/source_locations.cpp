#include "formats/protobuf/source_locations.hpp"

#include <google/protobuf/descriptor.pb.h>

namespace breakwater::protobuf {
namespace {

std::string pack(const int* data, int size) {
  return std::string(reinterpret_cast<const char*>(data), sizeof(int) * static_cast<size_t>(size));
}

}  // namespace

SpanIndex::SpanIndex(const google::protobuf::SourceCodeInfo& info) {
  spans_.reserve(static_cast<size_t>(info.location_size()));
  for (const auto& loc : info.location()) {
    if (loc.span_size() < 3) continue;
    // The first location recorded for a path is the whole declaration; keep it.
    spans_.emplace(pack(loc.path().data(), loc.path_size()),
                   Span{static_cast<uint32_t>(loc.span(0) + 1), static_cast<uint32_t>(loc.span(1) + 1)});
  }
}

Span SpanIndex::at(const std::vector<int>& path) const {
  auto it = spans_.find(pack(path.data(), static_cast<int>(path.size())));
  return it == spans_.end() ? Span{} : it->second;
}

}  // namespace breakwater::protobuf
