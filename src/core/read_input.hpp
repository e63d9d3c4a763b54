// Reading one input file whole, the way every loader needs it: an unreadable file is an
// InputError naming the path as users see it.
#pragma once

#include <breakwater/check.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace breakwater::detail {

inline std::string read_input(const std::filesystem::path& path, const std::string& shown) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(Location{shown, 0, 0}, "cannot read file");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace breakwater::detail
