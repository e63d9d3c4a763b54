#include "formats/protobuf/source_locations.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>

#include <algorithm>

namespace breakwater::protobuf {
namespace gp = google::protobuf;

namespace {

constexpr int kUninterpretedOption = 999;

template <typename Ints>
uint64_t path_hash(const Ints& path) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (int v : path) {
    h ^= static_cast<uint32_t>(v);
    h *= 0x100000001b3ULL;
    h ^= h >> 29;
  }
  return h;
}

// Follows `path` through `root`; where it reaches `uninterpreted_option[i]` of an options message
// whose name is a plain option of that message, the path continues at that option's number.
bool interpret(const gp::Message& root, const gp::RepeatedField<int>& path, std::vector<int>& out) {
  out.clear();
  const gp::Message* msg = &root;
  for (int k = 0; k < path.size(); ++k) {
    const gp::Descriptor* type = msg->GetDescriptor();
    const gp::FieldDescriptor* field = type->FindFieldByNumber(path[k]);
    if (field == nullptr) return false;
    const gp::Reflection* refl = msg->GetReflection();
    if (path[k] == kUninterpretedOption && field->name() == "uninterpreted_option") {
      if (k + 1 >= path.size() || path[k + 1] < 0 || path[k + 1] >= refl->FieldSize(*msg, field)) {
        return false;
      }
      const auto& option = static_cast<const gp::UninterpretedOption&>(
          refl->GetRepeatedMessage(*msg, field, path[k + 1]));
      if (option.name_size() != 1 || option.name(0).is_extension()) return false;
      const gp::FieldDescriptor* named = type->FindFieldByName(option.name(0).name_part());
      if (named == nullptr) return false;
      out.push_back(named->number());
      return true;
    }
    out.push_back(path[k]);
    if (field->cpp_type() != gp::FieldDescriptor::CPPTYPE_MESSAGE) {
      out.insert(out.end(), path.begin() + k + 1, path.end());
      return true;
    }
    if (field->is_repeated()) {
      if (k + 1 >= path.size()) return true;
      const int index = path[++k];
      if (index < 0 || index >= refl->FieldSize(*msg, field)) return false;
      out.push_back(index);
      msg = &refl->GetRepeatedMessage(*msg, field, index);
    } else {
      msg = &refl->GetMessage(*msg, field);
    }
  }
  return true;
}

}  // namespace

ColumnMapper::ColumnMapper(std::string_view text) : text_(text) {
  if (text.empty()) return;
  line_starts_.push_back(0);
  bool plain = true;
  for (uint32_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      plain_.push_back(plain);
      line_starts_.push_back(i + 1);
      plain = true;
    } else if (c == '\t' || c >= 0x80) {
      plain = false;
    }
  }
  plain_.push_back(plain);
}

uint32_t ColumnMapper::column(int line, int column) const {
  if (line < 0 || column < 0) return 0;
  const auto l = static_cast<size_t>(line);
  if (l >= line_starts_.size() || plain_[l]) return static_cast<uint32_t>(column) + 1;
  uint32_t tokenizer = 0, characters = 0;
  for (size_t i = line_starts_[l]; i < text_.size() && text_[i] != '\n'; ++i) {
    if (tokenizer >= static_cast<uint32_t>(column)) break;
    const auto c = static_cast<unsigned char>(text_[i]);
    tokenizer += c == '\t' ? 8 - tokenizer % 8 : 1;
    if ((c & 0xC0) != 0x80) ++characters;  // continuation bytes belong to the previous character
  }
  return characters + 1;
}

SpanIndex::SpanIndex(const gp::FileDescriptorProto& file, const gp::SourceCodeInfo& info,
                     const ColumnMapper& columns) {
  spans_.reserve(static_cast<size_t>(info.location_size()));
  std::vector<int> rewritten;
  for (const auto& loc : info.location()) {
    // Descriptor sets are untrusted input: ignore positions that cannot be real.
    if (loc.span_size() < 3 || loc.span(0) < 0 || loc.span(1) < 0 || loc.span(0) >= INT32_MAX - 1 ||
        loc.span(1) >= INT32_MAX - 1) {
      continue;
    }
    const Span span{static_cast<uint32_t>(loc.span(0)) + 1,
                    columns.column(loc.span(0), loc.span(1))};
    const auto& path = loc.path();
    if (std::find(path.begin(), path.end(), kUninterpretedOption) != path.end()) {
      if (interpret(file, path, rewritten)) spans_.emplace_back(path_hash(rewritten), span);
      continue;
    }
    spans_.emplace_back(path_hash(path), span);
  }
  // Keep the first position recorded for a path: the whole declaration.
  std::stable_sort(spans_.begin(), spans_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  spans_.erase(std::unique(spans_.begin(), spans_.end(),
                           [](const auto& a, const auto& b) { return a.first == b.first; }),
               spans_.end());
  spans_.shrink_to_fit();
}

Span SpanIndex::at(const std::vector<int>& path) const {
  const uint64_t h = path_hash(path);
  auto it = std::lower_bound(spans_.begin(), spans_.end(), h,
                             [](const auto& e, uint64_t key) { return e.first < key; });
  return it != spans_.end() && it->first == h ? it->second : Span{};
}

}  // namespace breakwater::protobuf
