#include "formats/cpp/nesting.hpp"

#include <breakwater/check.hpp>

#include "core/c_like_text.hpp"
#include "core/lines.hpp"
#include "core/paths.hpp"

#include <string>

namespace breakwater::cpp {

void refuse_deep_nesting(const std::string& t, const std::filesystem::path& header) {
  size_t angles = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (const size_t end = detail::skip_comment_or_literal(t, i); end != i) {
      i = end;
      continue;
    }
    const char c = t[i];
    if (c == ';' || c == '{' || c == '}') {
      angles = 0;
    } else if (c == '<' && ++angles > kMaxAngles) {
      const auto [line, column] = Lines(t).at(i);
      throw InputError(Location{detail::shown_path(header), line, column},
                       "more than " + std::to_string(kMaxAngles) +
                           " '<' in one declaration; refused (template arguments nested "
                           "that deep overflow the parser)");
    }
  }
}

}  // namespace breakwater::cpp
