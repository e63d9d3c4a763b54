#include "formats/cpp/nesting.hpp"

#include <breakwater/check.hpp>

#include "core/c_like_text.hpp"
#include "core/lines.hpp"
#include "core/paths.hpp"
#include "core/read_input.hpp"

#include <optional>
#include <string>

namespace breakwater::cpp {

void refuse_deep_nesting(const std::vector<std::filesystem::path>& headers) {
  for (const std::filesystem::path& header : headers) {
    const std::optional<std::string> text = detail::read_file(header);
    if (!text) continue;  // the parse reports what cannot be read
    const std::string& t = *text;
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
}

}  // namespace breakwater::cpp
