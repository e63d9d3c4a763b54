// JSON Schema files into the common model. Draft differences are settled here, so the
// comparison sees one vocabulary: `definitions` and `$defs` are both definitions, array-form
// `items` + `additionalItems` become `prefixItems` + `items`, draft-04 boolean exclusive bounds
// become numeric ones, and `dependencies` splits into `dependentRequired`/`dependentSchemas`.
#include "formats/jsonschema/load.hpp"

#include "core/big_stack.hpp"
#include "core/lines.hpp"
#include "core/paths.hpp"
#include "core/read_input.hpp"
#include "formats/jsonschema/json_tree.hpp"
#include "formats/jsonschema/targets.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <type_traits>
#include <unordered_map>
#include <variant>

namespace breakwater::jsonschema {
namespace fs = std::filesystem;

namespace {

enum class Draft { d4, d6, d7, d2019, d2020 };

// JSON pointer segment escaping (RFC 6901).
std::string escape_segment(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct Document {
  uint32_t id = 0;
  std::string shown;     // as users see it
  std::string relative;  // under the input root: the "file" part of reference keys
  std::string text;
  JsonValue root;
  Draft draft = Draft::d2020;
  std::map<std::string, std::string> anchors;  // $anchor name -> pointer
};

class Loader {
 public:
  Loader(Schema& schema, fs::path root) : schema_(schema), root_(std::move(root)) {}

  Document& open(const fs::path& file) {
    const std::string relative = file.lexically_relative(root_).generic_string();
    if (auto it = by_relative_.find(relative); it != by_relative_.end()) return *docs_[it->second];
    auto doc = std::make_unique<Document>();
    doc->shown = detail::shown_path(file);
    doc->relative = relative;
    doc->text = detail::read_input(file, doc->shown);
    doc->id = schema_.add_file(doc->shown);
    lines_.emplace_back(std::make_unique<Lines>(doc->text));
    JsonSyntaxError error;
    if (!parse_json(doc->text, doc->root, error)) {
      fail(*doc, error.offset, "invalid JSON: " + error.message);
    }
    doc->draft = draft_of(*doc);
    std::vector<std::string_view> path;
    collect_ids(*doc, doc->root, path);
    by_relative_[relative] = docs_.size();
    docs_.push_back(std::move(doc));
    return *docs_.back();
  }

  // Builds the entity tree of a document (its root schema).
  Entity build_root(Document& doc) {
    Entity e = build(doc, doc.root, "", doc.relative);
    return e;
  }

  size_t documents() const { return docs_.size(); }
  Document& document(size_t i) { return *docs_[i]; }

 private:
  [[noreturn]] void fail(const Document& doc, size_t offset, const std::string& message) const {
    const Lines& lines = *lines_[doc.id - 1];
    const auto [line, column] = lines.at(offset);
    throw InputError(Location{doc.shown, line, column}, message);
  }

  SourceRef where(const Document& doc, size_t offset) const {
    const auto [line, column] = lines_[doc.id - 1]->at(offset);
    return {doc.id, line, column};
  }

  Draft draft_of(const Document& doc) {
    const JsonValue* s = doc.root.is_object() ? doc.root.find("$schema") : nullptr;
    if (s == nullptr) return Draft::d2020;
    if (!s->is_string()) fail(doc, s->offset, "$schema must be a string");
    const std::string& uri = s->text;
    if (uri.find("draft-04") != std::string::npos) return Draft::d4;
    if (uri.find("draft-06") != std::string::npos) return Draft::d6;
    if (uri.find("draft-07") != std::string::npos) return Draft::d7;
    if (uri.find("2019-09") != std::string::npos) return Draft::d2019;
    if (uri.find("2020-12") != std::string::npos) return Draft::d2020;
    fail(doc, s->offset,
         "unknown $schema \"" + uri +
             "\": breakwater reads drafts 4, 6, 7, 2019-09 and 2020-12 (no $schema: 2020-12)");
  }

  // `$anchor`s and `$id`s of a document. The path is kept as segments and spelled as a pointer
  // only where an id or anchor is found: most of a big schema has neither.
  void collect_ids(Document& doc, const JsonValue& v, std::vector<std::string_view>& path) {
    const auto pointer = [&] {
      std::string out;
      for (std::string_view seg : path) out += "/" + escape_segment(seg);
      return out;
    };
    if (v.is_object()) {
      if (const JsonValue* anchor = v.find("$anchor"); anchor && anchor->is_string())
        doc.anchors[anchor->text] = pointer();
      const char* id_key = doc.draft == Draft::d4 ? "id" : "$id";
      if (const JsonValue* id = v.find(id_key); id && id->is_string()) {
        const size_t hash = id->text.find('#');
        if (hash != std::string::npos && hash + 1 < id->text.size() && id->text[hash + 1] != '/') {
          doc.anchors[id->text.substr(hash + 1)] = pointer();  // draft 6/7 "#name" ids
        }
        const std::string base = id->text.substr(0, hash);
        if (!base.empty()) ids_[base] = {doc.relative, pointer()};
      }
      for (const auto& [k, child] : v.members) {
        if (!child.is_object() && !child.is_array()) continue;
        path.push_back(k);
        collect_ids(doc, child, path);
        path.pop_back();
      }
    } else if (v.is_array()) {
      std::vector<std::string> indexes(v.items.size());
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (!v.items[i].is_object() && !v.items[i].is_array()) continue;
        indexes[i] = std::to_string(i);
        path.push_back(indexes[i]);
        collect_ids(doc, v.items[i], path);
        path.pop_back();
      }
    }
  }

  // "$ref" text -> "file#pointer", or an InputError at the reference.
  std::string resolve(Document& doc, const JsonValue& ref) {
    if (!ref.is_string()) fail(doc, ref.offset, "$ref must be a string");
    const std::string& text = ref.text;
    const size_t hash = text.find('#');
    const std::string base = text.substr(0, hash);
    const std::string fragment =
        hash == std::string::npos ? "" : percent_decode(std::string_view(text).substr(hash + 1));
    Document* target = &doc;
    std::string pointer;
    if (!base.empty()) {
      if (auto it = ids_.find(base); it != ids_.end()) {
        target = docs_[by_relative_.at(it->second.first)].get();
        pointer = it->second.second;
      } else if (base.starts_with("http://") || base.starts_with("https://") ||
                 base.find("://") != std::string::npos) {
        fail(doc, ref.offset,
             "remote $ref \"" + text +
                 "\" is not fetched; give the schema it names as a local file");
      } else {
        const fs::path file =
            (root_ / fs::path(doc.relative).parent_path() / base).lexically_normal();
        const fs::path rel = file.lexically_relative(root_);
        if (rel.empty() || *rel.begin() == "..") {
          fail(doc, ref.offset, "$ref \"" + text + "\" leaves the input root; refused");
        }
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
          fail(doc, ref.offset, "$ref \"" + text + "\": no such file " + rel.generic_string());
        }
        target = &open(file);
      }
    }
    if (!fragment.empty() && fragment.front() != '/') {
      const auto it = target->anchors.find(fragment);
      if (it == target->anchors.end()) {
        fail(doc, ref.offset, "$ref \"" + text + "\": no $anchor \"" + fragment + "\"");
      }
      pointer = it->second;
    } else if (!fragment.empty()) {
      pointer += fragment;
    }
    // Whether a schema sits there is checked once every file is built (check_references).
    return target->relative + "#" + pointer;
  }

  void number_attr(Entity& e, const Document& doc, const JsonValue& v, const char* key,
                   const char* attr) {
    const JsonValue* n = defined(doc.draft, key) ? v.find(key) : nullptr;
    if (n == nullptr || !n->is_number()) return;
    e.set(attr, n->number, where(doc, v.key_offset(key)));
  }

  // A subschema, located at the key that introduces it (`"name": {`, `"items": {`).
  void child(Entity& parent, Document& doc, const JsonValue& v, const std::string& pointer,
             const std::string& key, size_t key_offset) {
    Entity e = build(doc, v, pointer, key);
    e.loc = where(doc, key_offset);
    parent.children.push_back(std::move(e));
  }

  // The tree is read once: a subtree's memory goes as soon as its entity exists, so a big
  // schema is never held twice.
  static void release(const JsonValue& v) {
    JsonValue& owned = const_cast<JsonValue&>(v);  // the Document owns it; nothing reads it again
    std::vector<JsonValue>().swap(owned.items);
    std::vector<std::pair<std::string, JsonValue>>().swap(owned.members);
    owned.index.reset();
  }

  Entity build(Document& doc, const JsonValue& v, const std::string& pointer,
               const std::string& key) {
    Entity e = build_unreleased(doc, v, pointer, key);
    release(v);
    fingerprint(e);
    return e;
  }

  // A hash of what the schema says (keywords and subschemas, not where it is written), and
  // whether a $ref sits anywhere inside it. Two ref-free schemas with equal hashes accept the
  // same documents, which lets the comparison skip the unchanged bulk of a big schema.
  static void fingerprint(Entity& e) {
    uint64_t h = std::hash<std::string_view>()(e.kind);
    const auto mix = [&h](uint64_t v) { h = (h ^ v) * 0x100000001b3ULL + 0x9e3779b97f4a7c15ULL; };
    bool refs = false;
    for (const Attr& a : e.attrs) {
      if (a.name == "default") continue;
      if (a.name == "ref") refs = true;
      mix(std::hash<std::string_view>()(a.name));
      std::visit(
          [&](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
              mix(0);
            } else {
              mix(std::hash<T>()(value));
            }
          },
          a.value);
    }
    for (const Entity& c : e.children) {
      mix(std::hash<std::string>()(c.key));
      if (c.kind == "schema") {
        mix(static_cast<uint64_t>(c.num("hash")));
        refs = refs || c.flag("refs");
      } else {
        mix(std::hash<std::string_view>()(c.kind));
        mix(std::hash<std::string_view>()(c.str("names")));
      }
    }
    e.set("hash", static_cast<int64_t>(h));
    if (refs) e.set("refs", true);
  }

  // Whether the document's draft defines `keyword` (a keyword of a later draft is an unknown
  // keyword to an earlier one: validators ignore it, so it constrains nothing).
  static bool defined(Draft draft, std::string_view keyword) {
    static constexpr std::pair<std::string_view, Draft> since[] = {
        {"const", Draft::d6},
        {"contains", Draft::d6},
        {"propertyNames", Draft::d6},
        {"if", Draft::d7},
        {"then", Draft::d7},
        {"else", Draft::d7},
        {"dependentRequired", Draft::d2019},
        {"dependentSchemas", Draft::d2019},
        {"unevaluatedProperties", Draft::d2019},
        {"unevaluatedItems", Draft::d2019},
        {"minContains", Draft::d2019},
        {"maxContains", Draft::d2019},
        {"prefixItems", Draft::d2020}};
    for (const auto& [k, d] : since) {
      if (k == keyword) return static_cast<int>(draft) >= static_cast<int>(d);
    }
    return true;
  }

  Entity build_unreleased(Document& doc, const JsonValue& v, const std::string& pointer,
                          const std::string& key) {
    Entity e;
    e.kind = "schema";
    e.key = key;
    e.name = doc.relative + "#" + pointer;
    e.loc = where(doc, v.offset);
    if (v.is_bool()) {
      e.set("always", v.boolean);
      return e;
    }
    if (!v.is_object()) {
      fail(doc, v.offset, "a schema must be an object or a boolean");
    }
    const auto sub = [&](const char* k) { return pointer + "/" + escape_segment(k); };
    const auto at = [&](const char* k) { return where(doc, v.key_offset(k)); };
    if (const JsonValue* ref = v.find("$ref")) {
      e.set("ref", resolve(doc, *ref), at("$ref"));
      // Up to draft-07 a $ref replaces the whole schema: its siblings are ignored.
      if (static_cast<int>(doc.draft) <= static_cast<int>(Draft::d7)) {
        for (const char* k : {"definitions", "$defs"}) {
          const JsonValue* m = v.find(k);
          if (m == nullptr || !m->is_object()) continue;
          for (size_t i = 0; i < m->members.size(); ++i) {
            child(e, doc, m->members[i].second, sub(k) + "/" + escape_segment(m->members[i].first),
                  "$defs/" + m->members[i].first, m->key_offsets[i]);
          }
        }
        return e;
      }
    }
    // Keywords that constrain documents but are not compared yet: said, never silently skipped.
    for (const char* k : {"$dynamicRef", "$recursiveRef", "contentSchema"}) {
      if (v.find(k) != nullptr) {
        schema_.warnings.push_back(
            {at(k), std::string(k) + " is not compared yet; what it constrains is not checked"});
      }
    }
    // A keyword the document's draft does not define constrains nothing.
    const auto find = [&](std::string_view k) -> const JsonValue* {
      return defined(doc.draft, k) ? v.find(k) : nullptr;
    };
    if (const JsonValue* t = find("type")) {
      std::vector<std::string> types;
      if (t->is_string()) types.push_back(t->text);
      for (const JsonValue& i : t->items) {
        if (i.is_string()) types.push_back(i.text);
      }
      std::sort(types.begin(), types.end());
      std::string joined;
      for (const auto& s : types) joined += (joined.empty() ? "" : ",") + s;
      e.set("type", joined, at("type"));
    }
    if (const JsonValue* en = find("enum"); en && en->is_array()) {
      e.set("enum", true, at("enum"));
      for (const JsonValue& item : en->items) {
        Entity value;
        value.kind = "enum_value";
        value.key = value.name = item.canonical();
        value.loc = where(doc, item.offset);
        e.children.push_back(std::move(value));
      }
    }
    if (const JsonValue* c = find("const")) e.set("const", c->canonical(), at("const"));
    number_attr(e, doc, v, "minimum", "minimum");
    number_attr(e, doc, v, "maximum", "maximum");
    number_attr(e, doc, v, "multipleOf", "multipleOf");
    // Draft-04 exclusive bounds are flags on minimum/maximum; later drafts give the bound.
    for (const auto& [flag, bound] :
         {std::pair{"exclusiveMinimum", "minimum"}, std::pair{"exclusiveMaximum", "maximum"}}) {
      const JsonValue* x = find(flag);
      if (x == nullptr) continue;
      if (x->is_number()) {
        e.set(flag, x->number, at(flag));
      } else if (x->is_bool() && x->boolean && e.has(bound)) {
        const Attr* b = e.find(bound);
        e.set(flag, std::get<double>(b->value), at(flag));
        std::erase_if(e.attrs, [&](const Attr& a) { return a.name == bound; });
      }
    }
    for (const char* k : {"minLength", "maxLength", "minItems", "maxItems", "minProperties",
                          "maxProperties", "minContains", "maxContains"}) {
      number_attr(e, doc, v, k, k);
    }
    for (const char* k : {"pattern", "format"}) {
      if (const JsonValue* s = find(k); s && s->is_string()) e.set(k, s->text, at(k));
    }
    if (const JsonValue* u = find("uniqueItems"); u && u->is_bool() && u->boolean)
      e.set("uniqueItems", true, at("uniqueItems"));
    if (const JsonValue* d = find("default")) e.set("default", d->canonical(), at("default"));
    if (const JsonValue* r = find("required"); r && r->is_array()) {
      for (const JsonValue& name : r->items) {
        if (!name.is_string()) continue;
        Entity req;
        req.kind = "required";
        req.key = req.name = name.text;
        req.loc = where(doc, name.offset);
        e.children.push_back(std::move(req));
      }
    }
    for (const char* k :
         {"properties", "patternProperties", "dependentSchemas", "$defs", "definitions"}) {
      const JsonValue* m = find(k);
      if (m == nullptr || !m->is_object()) continue;
      const std::string slot = std::string(k == std::string_view("definitions") ? "$defs" : k);
      for (size_t i = 0; i < m->members.size(); ++i) {
        const auto& [name, s] = m->members[i];
        child(e, doc, s, sub(k) + "/" + escape_segment(name), slot + "/" + name, m->key_offsets[i]);
      }
    }
    const auto dependency_list = [&](const std::string& name, const JsonValue& names) {
      Entity dep;
      dep.kind = "dependency";
      dep.key = dep.name = name;
      dep.loc = where(doc, names.offset);
      std::vector<std::string> list;
      for (const JsonValue& n : names.items) {
        if (n.is_string()) list.push_back(n.text);
      }
      std::sort(list.begin(), list.end());
      std::string joined;
      for (const auto& s : list) joined += (joined.empty() ? "" : "\x1f") + s;
      dep.set("names", joined);
      e.children.push_back(std::move(dep));
    };
    if (const JsonValue* m = find("dependentRequired"); m && m->is_object()) {
      for (const auto& [name, names] : m->members) dependency_list(name, names);
    }
    if (const JsonValue* m = find("dependencies"); m && m->is_object()) {
      for (size_t i = 0; i < m->members.size(); ++i) {
        const auto& [name, d] = m->members[i];
        if (d.is_array()) {
          dependency_list(name, d);
        } else {
          child(e, doc, d, sub("dependencies") + "/" + escape_segment(name),
                "dependentSchemas/" + name, m->key_offsets[i]);
        }
      }
    }
    for (const char* k : {"additionalProperties", "unevaluatedProperties", "propertyNames",
                          "contains", "unevaluatedItems", "not", "if", "then", "else"}) {
      if (const JsonValue* s = find(k)) child(e, doc, *s, sub(k), k, v.key_offset(k));
    }
    // Tuples: 2020-12 prefixItems + items; earlier drafts items: [...] + additionalItems.
    const JsonValue* items = find("items");
    const JsonValue* prefix = find("prefixItems");
    if (items != nullptr && items->is_array()) {
      for (size_t i = 0; i < items->items.size(); ++i) {
        child(e, doc, items->items[i], sub("items") + "/" + std::to_string(i),
              "prefixItems/" + std::to_string(i), items->items[i].offset);
      }
      if (const JsonValue* extra = find("additionalItems"))
        child(e, doc, *extra, sub("additionalItems"), "items", v.key_offset("additionalItems"));
    } else {
      if (prefix != nullptr && prefix->is_array()) {
        for (size_t i = 0; i < prefix->items.size(); ++i) {
          child(e, doc, prefix->items[i], sub("prefixItems") + "/" + std::to_string(i),
                "prefixItems/" + std::to_string(i), prefix->items[i].offset);
        }
      }
      if (items != nullptr) child(e, doc, *items, sub("items"), "items", v.key_offset("items"));
    }
    for (const char* k : {"allOf", "anyOf", "oneOf"}) {
      const JsonValue* list = find(k);
      if (list == nullptr || !list->is_array()) continue;
      e.set(k, static_cast<int64_t>(list->items.size()), at(k));
      for (size_t i = 0; i < list->items.size(); ++i) {
        child(e, doc, list->items[i], sub(k) + "/" + std::to_string(i),
              std::string(k) + "/" + std::to_string(i), list->items[i].offset);
      }
    }
    return e;
  }

  Schema& schema_;
  fs::path root_;
  std::vector<std::unique_ptr<Document>> docs_;
  std::vector<std::unique_ptr<Lines>> lines_;
  std::map<std::string, size_t> by_relative_;
  std::map<std::string, std::pair<std::string, std::string>> ids_;  // $id -> (file, pointer)
};

// Every $ref must name a schema that was built, and a chain of schemas that are nothing but
// a $ref must not come back to itself (it describes no value; a validator would loop). Errors
// are reported at the first such $ref in document order.
void check_references(const Schema& schema) {
  const auto targets = ref_targets(schema);
  std::vector<const Entity*> in_order;
  std::vector<const Entity*> stack;
  for (auto it = schema.roots.rbegin(); it != schema.roots.rend(); ++it) stack.push_back(&*it);
  while (!stack.empty()) {
    const Entity* e = stack.back();
    stack.pop_back();
    if (e->has("ref")) in_order.push_back(e);
    for (auto c = e->children.rbegin(); c != e->children.rend(); ++c) {
      if (c->kind == "schema") stack.push_back(&*c);
    }
  }
  const auto only_ref = [](const Entity& e) {
    if (!e.has("ref") || !e.children.empty()) return false;
    return std::all_of(e.attrs.begin(), e.attrs.end(), [](const Attr& a) {
      return a.name == "ref" || a.name == "hash" || a.name == "refs";
    });
  };
  for (const Entity* start : in_order) {
    if (!start->has("ref")) continue;
    const std::string_view ref = start->str("ref");
    if (targets.at(ref) == nullptr) {
      const std::string text(ref);
      throw InputError(schema.resolve(start->loc_of("ref")),
                       "$ref to " + text + " points at no schema (dangling reference)");
    }
    if (!only_ref(*start)) continue;
    std::set<const Entity*> seen;
    const Entity* e = start;
    while (e != nullptr && only_ref(*e)) {
      if (!seen.insert(e).second) {
        throw InputError(schema.resolve(e->loc_of("ref")),
                         "$ref cycle with no schema in it: " + e->name + " refers back to itself");
      }
      e = targets.at(e->str("ref"));
    }
  }
}

bool is_schema_file(const fs::path& p) {
  return p.extension() == ".json";
}

std::vector<fs::path> schema_files(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && is_schema_file(it->path())) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

bool claims(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return !schema_files(path).empty();
  return is_schema_file(path);
}

namespace {

Schema load_here(const std::string& path) {
  const fs::path input(path);
  std::error_code ec;
  if (!fs::exists(input, ec)) throw InputError(Location{path, 0, 0}, "no such file or directory");
  Schema schema;
  schema.format = "jsonschema";
  schema.root = path;
  const bool dir = fs::is_directory(input, ec);
  const fs::path root = dir ? input : input.parent_path();
  Loader loader(schema, root.empty() ? fs::path(".") : root);
  if (dir) {
    for (const fs::path& f : schema_files(input)) loader.open(f);
  } else {
    loader.open(input);
  }
  // Referenced files load on demand while building, so the list grows as it is walked.
  for (size_t i = 0; i < loader.documents(); ++i) {
    Entity file = loader.build_root(loader.document(i));
    file.kind = "schema_file";
    if (!dir && i == 0) file.key = ".";  // two single files compare whatever their names
    schema.roots.push_back(std::move(file));
  }
  check_references(schema);
  return schema;
}

}  // namespace

Schema load(const std::string& path, const LoadOptions&) {
  // Building walks the document recursively: deep nesting needs more stack than a thread has.
  Schema schema;
  detail::run_on_big_stack([&] { schema = load_here(path); });
  return schema;
}

}  // namespace breakwater::jsonschema
