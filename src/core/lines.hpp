// Byte offsets of a text file turned into the positions users see (1-based line, code-point
// column), for formats whose parsers report offsets.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace breakwater {

// Byte offsets to 1-based line and code-point column.
class Lines {
 public:
  explicit Lines(const std::string& text) : text_(text) {
    starts_.push_back(0);
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p)));) {
      starts_.push_back(static_cast<size_t>(++p - begin));
    }
    // Lines of ASCII (nearly all) need no counting: the column is the byte distance. A schema
    // written on one long line would otherwise cost a scan per position, quadratic in its size.
    ascii_.resize(starts_.size(), true);
    for (size_t l = 0; l < starts_.size(); ++l) {
      const size_t stop = l + 1 < starts_.size() ? starts_[l + 1] : text.size();
      unsigned char any = 0;
      for (size_t i = starts_[l]; i < stop; ++i) any |= static_cast<unsigned char>(text[i]);
      ascii_[l] = (any & 0x80) == 0;
    }
    // Other lines count code points from a checkpoint every kBlock bytes, so a long line of
    // non-ASCII text costs at most two blocks per position, not the line's length.
    if (std::find(ascii_.begin(), ascii_.end(), false) == ascii_.end()) return;
    block_points_.reserve(text.size() / kBlock + 1);
    size_t points = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      if (i % kBlock == 0) block_points_.push_back(points);
      points += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    }
  }
  std::pair<uint32_t, uint32_t> at(size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset) - 1;
    const size_t line = static_cast<size_t>(it - starts_.begin());
    if (ascii_[line]) return {static_cast<uint32_t>(line + 1), static_cast<uint32_t>(offset - *it + 1)};
    return {static_cast<uint32_t>(line + 1),
            static_cast<uint32_t>(points_before(offset) - points_before(*it) + 1)};
  }
  // libpg_query reports errors as a 1-based character position.
  size_t byte_of_char(int position) const {
    size_t chars = 0;
    for (size_t i = 0; i < text_.size(); ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80 &&
          ++chars == static_cast<size_t>(position))
        return i;
    }
    return text_.size();
  }

 private:
  static constexpr size_t kBlock = 4096;

  // Code points in text_[0, offset).
  size_t points_before(size_t offset) const {
    if (offset == 0) return 0;
    // The end of a text of whole blocks lies past the last checkpoint.
    const size_t block = std::min(offset / kBlock, block_points_.size() - 1);
    return block_points_[block] + count(block, offset);
  }
  size_t count(size_t block, size_t offset) const {
    size_t points = 0;
    for (size_t i = block * kBlock; i < offset; ++i)
      points += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
    return points;
  }

  const std::string& text_;
  std::vector<size_t> starts_;
  std::vector<bool> ascii_;         // per line
  std::vector<size_t> block_points_;  // code points before each kBlock-byte block
};

}  // namespace breakwater
