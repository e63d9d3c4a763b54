#include "formats/cpp/include_scan.hpp"

#include "core/paths.hpp"
#include "core/read_input.hpp"
#include "formats/cpp/nesting.hpp"

#include <breakwater/check.hpp>

#include <deque>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace breakwater::cpp {
namespace fs = std::filesystem;

namespace {

size_t skip_blanks(std::string_view line, size_t i) {
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i;
}

class Vetting {
 public:
  Vetting(const fs::path& boundary, const std::vector<fs::path>& include_dirs)
      : boundary_(boundary) {
    for (const fs::path& d : include_dirs) {
      if (detail::inside_resolved(d, boundary_)) dirs_.push_back(d);
    }
  }

  // `from`: the repository header whose #include reached `header` (empty for a root).
  void add(const fs::path& header, const fs::path& from = {}) {
    if (!detail::inside_resolved(header, boundary_)) return;  // the system's, read-only
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(header, ec);
    if (ec) return;
    if (!from.empty()) graph_[fs::weakly_canonical(from, ec)].insert(real);
    if (!seen_.insert(real).second) return;
    queue_.push_back(header);
  }

  IncludeGraph take_graph() { return std::move(graph_); }

  void run() {
    while (!queue_.empty()) {
      const fs::path header = queue_.front();
      queue_.pop_front();
      const std::optional<std::string> text = detail::read_file(header);
      if (!text) continue;  // the parse reports what cannot be read
      includes(header, *text);
      refuse_deep_nesting(*text, header);
    }
  }

 private:
  void includes(const fs::path& header, const std::string& text) {
    uint32_t line_no = 0;
    for (size_t start = 0; start < text.size();) {
      const size_t end = std::min(text.find('\n', start), text.size());
      const std::string_view line(text.data() + start, end - start);
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
      const Location at{detail::shown_path(header), line_no, static_cast<uint32_t>(i + 1)};
      if (line[i] != '"' && line[i] != '<') {
        throw InputError(at,
                         "#include of a name a macro computes is not read (it could name any "
                         "file on the machine); write the header's name");
      }
      const char close = line[i] == '"' ? '"' : '>';
      const size_t stop = line.find(close, i + 1);
      if (stop == std::string_view::npos) continue;
      const fs::path target(std::string(line.substr(i + 1, stop - i - 1)));
      if (target.is_absolute() || (close == '"' && exists(header.parent_path() / target))) {
        const fs::path reached = target.is_absolute() ? target : header.parent_path() / target;
        if (!detail::inside_resolved(reached, boundary_)) {
          throw InputError(at, "#include of '" + target.string() +
                                   "' refused: it reaches outside the repository");
        }
        add(reached, header);
        continue;
      }
      // Found through an include folder. Every repository folder that has the name is
      // followed, not only the first: clang's search order (-iquote, -I, -isystem, -idirafter,
      // #include_next) need not be re-derived to be sure the file it opens was vetted. Folders
      // outside the repository (the system's) are not followed.
      for (const fs::path& dir : dirs_) {
        if (exists(dir / target) && detail::inside_resolved(dir / target, boundary_)) {
          add(dir / target, header);
        }
      }
    }
  }

  static bool exists(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
  }

  const fs::path& boundary_;
  std::vector<fs::path> dirs_;
  std::set<fs::path> seen_;
  std::deque<fs::path> queue_;
  IncludeGraph graph_;
};

}  // namespace

IncludeGraph vet_headers(const std::vector<fs::path>& headers, const fs::path& boundary,
                         const std::vector<fs::path>& include_dirs) {
  Vetting vetting(boundary, include_dirs);
  for (const fs::path& h : headers) vetting.add(h);
  vetting.run();
  return vetting.take_graph();
}

}  // namespace breakwater::cpp
