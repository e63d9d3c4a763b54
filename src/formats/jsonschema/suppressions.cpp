// JSON has no comments, so a JSON Schema suppression is a member of the schema object it is
// about. Found structurally, not by lines: a formatter that sorts keys (moving the member to the
// end of its object) or folds an object onto one line must not change what it covers.
#include "formats/jsonschema/suppressions.hpp"

#include "core/lines.hpp"
#include "formats/jsonschema/json_tree.hpp"

#include <string>
#include <vector>

namespace breakwater::jsonschema {
namespace {

constexpr std::string_view kKey = "x-breakwater-ignore";

struct Finder {
  const Lines& lines;
  const std::string& path;
  std::vector<detail::InlineSuppression>& out;

  std::pair<uint32_t, uint32_t> place(uint32_t offset) const { return lines.at(offset); }

  // The places findings about `object` itself anchor at: the object, its key in its parent,
  // each member's key, and scalar values (a keyword's value, an item of `required`). Nested
  // objects are left to their own directives.
  std::vector<std::pair<uint32_t, uint32_t>> own_places(const JsonValue& object) const {
    std::vector<std::pair<uint32_t, uint32_t>> places{place(object.offset)};
    if (object.key_data != nullptr) places.push_back(place(object.key_offset));
    for (const JsonValue& m : object.children()) {
      places.push_back(place(m.key_offset));
      places.push_back(place(m.offset));
      if (m.is_array()) {
        for (const JsonValue& item : m.children()) {
          if (!item.is_object() && !item.is_array()) places.push_back(place(item.offset));
        }
      }
    }
    return places;
  }

  // `at`: where the directive is shown (the key for one string, each string of an array).
  void directive(const JsonValue& text, uint32_t at,
                 const std::vector<std::pair<uint32_t, uint32_t>>& places) {
    detail::InlineSuppression s;
    const auto [line, column] = place(at);
    s.at = Location{path, line, column};
    s.covers = line;
    s.covers_places = places;
    // A value that is not a string names no rule: reported as such.
    if (text.is_string()) detail::read_directive(text.text(), s);
    out.push_back(std::move(s));
  }

  // With its own stack: a hostile document may nest deeper than the call stack goes.
  void walk(const JsonValue& root) {
    std::vector<const JsonValue*> todo{&root};
    while (!todo.empty()) {
      const JsonValue& v = *todo.back();
      todo.pop_back();
      if (!v.is_object() && !v.is_array()) continue;
      if (const JsonValue* m = v.is_object() ? v.find(kKey) : nullptr) {
        const auto places = own_places(v);
        if (m->is_array()) {
          for (const JsonValue& item : m->children()) directive(item, item.offset, places);
        } else {
          directive(*m, m->key_offset, places);
        }
      }
      for (const JsonValue& child : v.children()) todo.push_back(&child);
    }
  }
};

}  // namespace

std::vector<detail::InlineSuppression> find_suppressions(std::string_view text,
                                                         const std::string& path) {
  if (text.find(kKey) == std::string_view::npos) return {};
  const std::string owned(text);
  JsonTree tree;
  JsonSyntaxError error;
  // The loader has already refused a NEW file that is not JSON.
  if (!parse_json(owned, tree, error)) return {};
  const Lines lines(owned);
  std::vector<detail::InlineSuppression> out;
  Finder{lines, path, out}.walk(tree.root());
  return out;
}

}  // namespace breakwater::jsonschema
