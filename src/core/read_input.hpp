// Reading one input file whole, the way every loader needs it: an unreadable file is an
// InputError naming the path as users see it.
#pragma once

#include <breakwater/check.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace breakwater::detail {

// The file's bytes, or nothing when it cannot be opened. One read of the known size (a
// stream-buffer copy costs a third of a JSON parse on a 50 MB schema); pipes and other
// files of unknown size are read in blocks.
std::optional<std::string> read_file(const std::filesystem::path& path);

inline std::string read_input(const std::filesystem::path& path, const std::string& shown) {
  std::optional<std::string> text = read_file(path);
  if (!text) throw InputError(Location{shown, 0, 0}, "cannot read file");
  return std::move(*text);
}

}  // namespace breakwater::detail
