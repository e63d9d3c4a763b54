#include "formats/cpp/include_scan.hpp"

#include "core/paths.hpp"
#include "core/read_input.hpp"

#include <breakwater/check.hpp>

#include <string>
#include <string_view>

namespace breakwater::cpp {
namespace fs = std::filesystem;

namespace {

size_t skip_blanks(std::string_view line, size_t i) {
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i;
}

}  // namespace

void refuse_escaping_includes(const std::vector<fs::path>& headers, const fs::path& boundary) {
  for (const fs::path& header : headers) {
    const std::optional<std::string> text = detail::read_file(header);
    if (!text) continue;  // the parse reports what cannot be read
    uint32_t line_no = 0;
    for (size_t start = 0; start < text->size();) {
      const size_t end = std::min(text->find('\n', start), text->size());
      const std::string_view line(text->data() + start, end - start);
      start = end + 1;
      ++line_no;
      size_t i = skip_blanks(line, 0);
      if (i >= line.size() || line[i] != '#') continue;
      i = skip_blanks(line, i + 1);
      bool directive = false;
      for (std::string_view d : {"include_next", "include", "import"}) {
        if (line.substr(i, d.size()) == d) {
          i += d.size();
          directive = true;
          break;
        }
      }
      if (!directive) continue;
      i = skip_blanks(line, i);
      if (i >= line.size()) continue;
      if (line[i] != '"' && line[i] != '<') {
        // A name a macro computes (`#define Z "/dev/zero"`, `#include Z`) could lead anywhere,
        // and clang opens it before any check could see it.
        throw InputError(Location{detail::shown_path(header), line_no,
                                  static_cast<uint32_t>(i + 1)},
                         "#include of a name a macro computes is not read (it could name any "
                         "file on the machine); write the header's name");
      }
      const char close = line[i] == '"' ? '"' : '>';
      const size_t stop = line.find(close, i + 1);
      if (stop == std::string_view::npos) continue;
      const fs::path target(std::string(line.substr(i + 1, stop - i - 1)));
      fs::path reached;
      std::error_code ec;
      if (target.is_absolute()) {
        reached = target;
      } else if (close == '"' && fs::exists(header.parent_path() / target, ec)) {
        reached = header.parent_path() / target;
      } else {
        continue;
      }
      if (detail::inside_resolved(reached, boundary)) continue;
      throw InputError(
          Location{detail::shown_path(header), line_no, static_cast<uint32_t>(i + 1)},
          "#include of '" + target.string() + "' refused: it reaches outside the repository");
    }
  }
}

}  // namespace breakwater::cpp
