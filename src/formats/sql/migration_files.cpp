#include "formats/sql/migration_files.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <tuple>
#include <vector>

namespace breakwater::sql {
namespace {

bool digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Natural order: digit runs compare as numbers.
bool natural_order(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      size_t ie = i, je = j;
      while (ie < a.size() && digit(a[ie])) ++ie;
      while (je < b.size() && digit(b[je])) ++je;
      const auto trim = [](std::string_view d) {
        while (d.size() > 1 && d.front() == '0') d.remove_prefix(1);
        return d;
      };
      const std::string_view ta = trim(a.substr(i, ie - i)), tb = trim(b.substr(j, je - j));
      if (ta.size() != tb.size()) return ta.size() < tb.size();
      if (ta != tb) return ta < tb;
      i = ie;
      j = je;
      continue;
    }
    if (a[i] != b[j]) return a[i] < b[j];
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j || (a.size() - i == b.size() - j && a < b);
}

struct FlywayName {
  int kind = 0;                    // 0 versioned, 1 repeatable (after every versioned one)
  std::vector<std::string> parts;  // version parts, leading zeros trimmed
  std::string rest;                // the description
};

std::string trimmed(const std::string& number) {
  const size_t first = number.find_first_not_of('0');
  return first == std::string::npos ? "0" : number.substr(first);
}

// `V1.2_3__desc.sql` -> versioned [1, 2, 3]; `R__desc.sql` -> repeatable. Only the file name.
std::optional<FlywayName> flyway(std::string_view path) {
  const size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t sep = name.find("__");
  if (sep == std::string_view::npos || sep == 0) return std::nullopt;
  FlywayName out;
  if (name[0] == 'R' && sep == 1) {
    out.kind = 1;
  } else if (name[0] == 'V' && sep > 1 && digit(name[1])) {
    std::string part;
    for (char c : name.substr(1, sep - 1)) {
      if (digit(c)) {
        part += c;
      } else if (c == '.' || c == '_') {
        out.parts.push_back(trimmed(part));
        part.clear();
      } else {
        return std::nullopt;
      }
    }
    out.parts.push_back(trimmed(part));
  } else {
    return std::nullopt;
  }
  out.rest = std::string(name.substr(sep + 2));
  return out;
}

bool number_less(const std::string& a, const std::string& b) {
  std::string_view x = a, y = b;
  while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
  while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
  return x.size() != y.size() ? x.size() < y.size() : x < y;
}

}  // namespace

bool migration_order(const std::string& a, const std::string& b) {
  // Flyway applies versioned files by version wherever they sit, repeatables after them; other
  // tools go by folder and name. Groups: 0 versioned, 1 other names, 2 repeatables.
  const auto split = [](const std::string& p) {
    const size_t slash = p.rfind('/');
    return slash == std::string::npos ? std::pair<std::string_view, std::string_view>{"", p}
                                      : std::pair<std::string_view, std::string_view>{
                                            std::string_view(p).substr(0, slash),
                                            std::string_view(p).substr(slash + 1)};
  };
  const auto [folder_a, name_a] = split(a);
  const auto [folder_b, name_b] = split(b);
  const std::optional<FlywayName> fa = flyway(name_a), fb = flyway(name_b);
  const int group_a = !fa ? 1 : fa->kind == 0 ? 0 : 2;
  const int group_b = !fb ? 1 : fb->kind == 0 ? 0 : 2;
  if (group_a != group_b) return group_a < group_b;
  if (group_a == 0 && fa->parts != fb->parts) {
    return std::lexicographical_compare(fa->parts.begin(), fa->parts.end(), fb->parts.begin(),
                                        fb->parts.end(), number_less);
  }
  if (group_a != 0) {
    if (natural_order(folder_a, folder_b)) return true;
    if (natural_order(folder_b, folder_a)) return false;
  }
  return natural_order(name_a, name_b) || (!natural_order(name_b, name_a) && a < b);
}

bool undoes(std::string_view path) {
  const size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name.ends_with(".down.sql") || name == "down.sql") return true;
  return name.size() > 1 && name[0] == 'U' && digit(name[1]) &&
         name.find("__") != std::string_view::npos;
}

std::string without_down_sections(std::string text) {
  static constexpr std::string_view kDown[] = {"-- +goose down", "-- +migrate down",
                                               "-- migrate:down"};
  static constexpr std::string_view kUp[] = {"-- +goose up", "-- +migrate up", "-- migrate:up"};
  const auto marker = [](std::string_view line, const auto& list) {
    size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    line.remove_prefix(i);
    std::string lower(line.substr(0, 20));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view m : list) {
      // `-- +goose Down` and `--+goose Down` alike.
      std::string compact = lower;
      if (compact.starts_with("--") && !compact.starts_with("-- ")) compact.insert(2, " ");
      if (compact.starts_with(m)) return true;
    }
    return false;
  };
  if (text.find("oose") == std::string::npos && text.find("igrate") == std::string::npos)
    return text;
  bool down = false;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    if (marker(line, kDown)) {
      down = true;
    } else if (marker(line, kUp)) {
      down = false;
    } else if (down) {
      std::fill(text.begin() + static_cast<std::ptrdiff_t>(start),
                text.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    }
    start = end + 1;
  }
  return text;
}

}  // namespace breakwater::sql
