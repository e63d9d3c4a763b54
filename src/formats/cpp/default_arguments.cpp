#include "formats/cpp/default_arguments.hpp"

#include <optional>

namespace breakwater::cpp {
namespace {

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

// `A<B, C> *` -> name "A", arguments {"B", " C"}, rest " *"; nothing when no template-id opens
// the type.
struct TemplateId {
  std::string_view name;
  std::vector<std::string_view> args;
  std::string_view rest;
};
std::optional<TemplateId> template_id(std::string_view type) {
  const size_t open = type.find('<');
  if (open == std::string_view::npos) return std::nullopt;
  TemplateId id{type.substr(0, open), {}, {}};
  // Open brackets; inside parentheses `<` and `>` are operators (`specs<(1 > 2)>`).
  std::string open_brackets;
  size_t start = open + 1;
  for (size_t i = open; i < type.size(); ++i) {
    const char c = type[i];
    const bool in_parens = !open_brackets.empty() && open_brackets.back() != '<';
    if (c == '(' || c == '[' || (c == '<' && !in_parens)) {
      open_brackets += c;
    } else if (c == ')' || c == ']' || (c == '>' && !in_parens)) {
      if (open_brackets.empty()) return std::nullopt;
      open_brackets.pop_back();
      if (open_brackets.empty()) {
        if (i > start) id.args.push_back(type.substr(start, i - start));
        id.rest = type.substr(i + 1);
        return id;
      }
    } else if (c == ',' && open_brackets.size() == 1) {
      id.args.push_back(type.substr(start, i - start));
      start = i + 1;
    }
  }
  return std::nullopt;
}

std::string restore(std::string_view type, const TemplateDefaults& defaults, int depth) {
  const auto id = template_id(type);
  if (!id || depth > 16) return without_spaces(type);
  std::string_view name = id->name;
  std::string out = without_spaces(name);
  out += '<';
  for (size_t i = 0; i < id->args.size(); ++i)
    out += (i ? "," : "") + restore(id->args[i], defaults, depth + 1);
  while (name.starts_with("const ") || name.starts_with("volatile "))
    name.remove_prefix(name.find(' ') + 1);
  if (const auto it = defaults.find(without_spaces(name)); it != defaults.end()) {
    for (size_t i = id->args.size(); i < it->second.size(); ++i) {
      // A default naming an earlier parameter (`#0`) is not a type of its own.
      if (it->second[i].empty() || it->second[i].find('#') != std::string::npos) break;
      out += (i ? "," : "") + without_spaces(it->second[i]);
    }
  }
  out += '>';
  return out + restore(id->rest, defaults, depth + 1);
}

}  // namespace

TemplateDefaults class_template_defaults(const Entity& api) {
  TemplateDefaults out;
  for (const Entity& e : api.children) {
    if (e.kind != "template" || e.has("function")) continue;
    std::vector<std::string> params;
    const std::string_view all = e.str("params");
    for (size_t start = 0; start <= all.size();) {
      const size_t end = std::min(all.find('\x1f', start), all.size());
      const std::string_view p = all.substr(start, end - start);
      const size_t eq = p.find('=');
      params.emplace_back(eq == std::string_view::npos ? std::string_view() : p.substr(eq + 1));
      start = end + 1;
    }
    out.emplace(without_spaces(e.key), std::move(params));
  }
  return out;
}

std::string in_full(std::string_view type, const TemplateDefaults& defaults) {
  return restore(type, defaults, 0);
}

void spell_default_arguments(Entity& api, const TemplateDefaults& defaults) {
  if (defaults.empty()) return;
  for (Entity& record : api.children) {
    if (record.kind != "record") continue;
    for (Entity& field : record.children) {
      if (field.kind != "field" || field.str("type").find('<') == std::string_view::npos) continue;
      field.set("type_in_full", in_full(field.str("type"), defaults));
    }
  }
}

}  // namespace breakwater::cpp
