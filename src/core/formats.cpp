// Finding a format: by --lang spelling, or by asking each registered format whether it claims
// the input. The registry itself (formats()) is the one place naming every format.
#include "core/engine.hpp"

#include <filesystem>

namespace breakwater::detail {

const FormatPlugin* find_format(std::string_view name_or_alias) {
  for (const FormatPlugin* f : formats()) {
    if (f->name == name_or_alias || f->lang == name_or_alias) return f;
    for (std::string_view a : f->aliases) {
      if (a == name_or_alias) return f;
    }
  }
  return nullptr;
}

std::string lang_names() {
  std::string out;
  for (const FormatPlugin* f : formats()) out += (out.empty() ? "" : ", ") + std::string(f->lang);
  return out;
}

const FormatPlugin& format_for(const std::string& path, const std::string& lang) {
  if (!lang.empty()) {
    const FormatPlugin* f = find_format(lang);
    if (f == nullptr) throw InputError({}, "--lang: unknown language '" + lang + "'");
    return *f;
  }
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw InputError(Location{path, 0, 0}, "no such file or directory");
  }
  for (const FormatPlugin* f : formats()) {
    if (f->claims(path)) return *f;
  }
  throw InputError(Location{path, 0, 0},
                   "cannot tell the input's format; pass --lang (supported: " + lang_names() + ")");
}

}  // namespace breakwater::detail
