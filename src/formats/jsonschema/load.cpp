// JSON Schema files into the common model. Draft differences are settled here, so the
// comparison sees one vocabulary: `definitions` and `$defs` are both definitions, array-form
// `items` + `additionalItems` become `prefixItems` + `items`, draft-04 boolean exclusive bounds
// become numeric ones, and `dependencies` splits into `dependentRequired`/`dependentSchemas`.
#include "formats/jsonschema/load.hpp"

#include "core/big_stack.hpp"
#include "core/lines.hpp"
#include "core/paths.hpp"
#include "core/read_input.hpp"
#include "core/trace.hpp"
#include "formats/jsonschema/fingerprint.hpp"
#include "formats/jsonschema/json_tree.hpp"
#include "formats/jsonschema/targets.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
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

// The keywords the loader reads. An object's members are sorted into this table in one pass,
// so each keyword is found without scanning the members again.
enum Keyword : uint8_t {
  kRef,
  kDynamicRef,
  kRecursiveRef,
  kContentSchema,
  kType,
  kEnum,
  kConst,
  kMinimum,
  kMaximum,
  kMultipleOf,
  kExclusiveMinimum,
  kExclusiveMaximum,
  kMinLength,
  kMaxLength,
  kMinItems,
  kMaxItems,
  kMinProperties,
  kMaxProperties,
  kMinContains,
  kMaxContains,
  kPattern,
  kFormat,
  kUniqueItems,
  kDefault,
  kRequired,
  kProperties,
  kPatternProperties,
  kDependentSchemas,
  kDefs,
  kDefinitions,
  kDependentRequired,
  kDependencies,
  kAdditionalProperties,
  kUnevaluatedProperties,
  kPropertyNames,
  kContains,
  kUnevaluatedItems,
  kNot,
  kIf,
  kThen,
  kElse,
  kItems,
  kPrefixItems,
  kAdditionalItems,
  kAllOf,
  kAnyOf,
  kOneOf,
  kKeywordCount
};

struct KeywordInfo {
  std::string_view name;
  Draft since;  // a keyword of a later draft is unknown to an earlier one: it constrains nothing
};

constexpr KeywordInfo kKeywords[kKeywordCount] = {
    {"$ref", Draft::d4},
    {"$dynamicRef", Draft::d4},
    {"$recursiveRef", Draft::d4},
    {"contentSchema", Draft::d4},
    {"type", Draft::d4},
    {"enum", Draft::d4},
    {"const", Draft::d6},
    {"minimum", Draft::d4},
    {"maximum", Draft::d4},
    {"multipleOf", Draft::d4},
    {"exclusiveMinimum", Draft::d4},
    {"exclusiveMaximum", Draft::d4},
    {"minLength", Draft::d4},
    {"maxLength", Draft::d4},
    {"minItems", Draft::d4},
    {"maxItems", Draft::d4},
    {"minProperties", Draft::d4},
    {"maxProperties", Draft::d4},
    {"minContains", Draft::d2019},
    {"maxContains", Draft::d2019},
    {"pattern", Draft::d4},
    {"format", Draft::d4},
    {"uniqueItems", Draft::d4},
    {"default", Draft::d4},
    {"required", Draft::d4},
    {"properties", Draft::d4},
    {"patternProperties", Draft::d4},
    {"dependentSchemas", Draft::d2019},
    {"$defs", Draft::d4},
    {"definitions", Draft::d4},
    {"dependentRequired", Draft::d2019},
    {"dependencies", Draft::d4},
    {"additionalProperties", Draft::d4},
    {"unevaluatedProperties", Draft::d2019},
    {"propertyNames", Draft::d6},
    {"contains", Draft::d6},
    {"unevaluatedItems", Draft::d2019},
    {"not", Draft::d4},
    {"if", Draft::d7},
    {"then", Draft::d7},
    {"else", Draft::d7},
    {"items", Draft::d4},
    {"prefixItems", Draft::d2020},
    {"additionalItems", Draft::d4},
    {"allOf", Draft::d4},
    {"anyOf", Draft::d4},
    {"oneOf", Draft::d4},
};

// An object's keywords that its draft defines, each with the offset of its key (the first of
// duplicate keys wins, as in lookups).
struct Keywords {
  const JsonValue* value[kKeywordCount] = {};
  uint32_t key_offset[kKeywordCount] = {};

  Keywords(const JsonValue& object, Draft draft) {
    static const std::unordered_map<std::string_view, Keyword> by_name = [] {
      std::unordered_map<std::string_view, Keyword> m;
      for (size_t i = 0; i < kKeywordCount; ++i) m.emplace(kKeywords[i].name, Keyword(i));
      return m;
    }();
    for (const JsonValue& m : object.children()) {
      const auto it = by_name.find(m.key());
      if (it == by_name.end() || value[it->second] != nullptr) continue;
      if (static_cast<int>(draft) < static_cast<int>(kKeywords[it->second].since)) continue;
      const Keyword k = it->second;
      value[k] = &m;
      key_offset[k] = m.key_offset;
      if (k == kRef || (k >= kType && k <= kDefault) || k >= kAllOf) ++attributes;
    }
  }
  size_t attributes = 0;  // found keywords that become an attribute of the schema entity
  const JsonValue* operator[](Keyword k) const { return value[k]; }
};

struct Document {
  uint32_t id = 0;
  std::string shown;     // as users see it
  std::string relative;  // under the input root: the "file" part of reference keys
  std::string text;
  JsonTree json;  // until the document's schemas are built
  Draft draft = Draft::d2020;
  std::map<std::string, std::string> anchors;  // $anchor name -> pointer
};

class Loader {
 public:
  Loader(Schema& schema, fs::path root, const std::map<std::string, std::string>& ref_map)
      : schema_(schema), root_(std::move(root)), ref_map_(ref_map) {}

  // A file under the input root, known by its path there; or, given `uri`, the local copy of a
  // remote schema, known by that URI on both sides whatever the copy's path.
  Document& open(const fs::path& file, const std::string& uri = "") {
    const std::string relative =
        uri.empty() ? file.lexically_relative(root_).generic_string() : uri;
    if (auto it = by_relative_.find(relative); it != by_relative_.end()) return *docs_[it->second];
    auto doc = std::make_unique<Document>();
    doc->shown = detail::shown_path(file);
    doc->relative = relative;
    doc->text = detail::read_input(file, doc->shown);
    doc->id = schema_.add_file(doc->shown);
    lines_.emplace_back(std::make_unique<Lines>(doc->text));
    JsonSyntaxError error;
    if (!parse_json(doc->text, doc->json, error)) {
      fail(*doc, error.offset, "invalid JSON: " + error.message);
    }
    doc->draft = draft_of(*doc);
    std::vector<std::string_view> path;
    collect_ids(*doc, doc->json.root(), path);
    by_relative_[relative] = docs_.size();
    docs_.push_back(std::move(doc));
    return *docs_.back();
  }

  // Builds the entity tree of a document (its root schema).
  Entity build_root(Document& doc) {
    Entity e =
        build(doc, doc.json.root(), doc.relative + "#", doc.relative, doc.json.root().offset);
    add_pointed_schemas(doc, e);
    doc.json = JsonTree();
    return e;
  }

  // A `$ref` into a place no keyword makes a schema (`#/x-shared/name`, a draft-07 `$defs`):
  // validators resolve the JSON pointer in the document, so the value there is built as a
  // schema too, kept under the root by its pointer (key "$ptr/x-shared/name"). Each pointer
  // once; what does not resolve to an object or a boolean stays a dangling reference.
  void add_pointed_schemas(Document& doc, Entity& root) {
    std::set<std::string> built;
    std::vector<std::string> wanted;
    const std::string prefix = doc.relative + "#/";
    // Pointers into each other's values build overlapping copies: a hostile document could
    // ask for many; past this many schemas the rest stay dangling (and are refused).
    constexpr size_t kMaxPointed = 200000;
    size_t pointed = 0;
    const auto scan = [&](const Entity& top) {
      std::vector<const Entity*> stack{&top};
      while (!stack.empty()) {
        const Entity* e = stack.back();
        stack.pop_back();
        if (e->kind != "schema") continue;
        built.insert(e->name);
        ++pointed;
        if (const std::string_view ref = e->str("ref"); ref.starts_with(prefix))
          wanted.emplace_back(ref);
        for (const Entity& c : e->children) stack.push_back(&c);
      }
    };
    scan(root);
    pointed = 0;
    std::set<std::string> tried;
    while (!wanted.empty() && pointed < kMaxPointed) {
      const std::string target = std::move(wanted.back());
      wanted.pop_back();
      if (built.contains(target) || !tried.insert(target).second) continue;
      const std::string pointer = target.substr(prefix.size() - 1);
      const JsonValue* v = at_pointer(doc.json.root(), pointer);
      if (v == nullptr || !(v->is_object() || v->is_bool())) continue;
      root.children.push_back(build(doc, *v, target, "$ptr" + pointer, v->offset));
      scan(root.children.back());
    }
  }

  // The value a JSON pointer ("/a/0/b", `~0` and `~1` escaped) names, or nullptr.
  static const JsonValue* at_pointer(const JsonValue& root, std::string_view pointer) {
    const JsonValue* v = &root;
    while (!pointer.empty() && v != nullptr) {
      if (pointer.front() != '/') return nullptr;
      pointer.remove_prefix(1);
      const size_t slash = std::min(pointer.find('/'), pointer.size());
      std::string segment;
      for (size_t i = 0; i < slash; ++i) {
        if (pointer[i] == '~' && i + 1 < slash) {
          segment += pointer[i + 1] == '1' ? '/' : '~';
          ++i;
        } else {
          segment += pointer[i];
        }
      }
      pointer.remove_prefix(slash);
      if (v->is_object()) {
        v = v->find(segment);
      } else if (v->is_array() && !segment.empty() &&
                 segment.find_first_not_of("0123456789") == std::string::npos &&
                 segment.size() < 10 && std::stoul(segment) < v->count) {
        v = &v->children()[std::stoul(segment)];
      } else {
        return nullptr;
      }
    }
    return v;
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
    const JsonValue& root = doc.json.root();
    const JsonValue* s = root.is_object() ? root.find("$schema") : nullptr;
    if (s == nullptr) return Draft::d2020;
    if (!s->is_string()) fail(doc, s->offset, "$schema must be a string");
    const std::string uri(s->text());
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
        doc.anchors[std::string(anchor->text())] = pointer();
      const char* id_key = doc.draft == Draft::d4 ? "id" : "$id";
      if (const JsonValue* id = v.find(id_key); id && id->is_string()) {
        const std::string_view text = id->text();
        const size_t hash = text.find('#');
        if (hash != std::string::npos && hash + 1 < text.size() && text[hash + 1] != '/') {
          doc.anchors[std::string(text.substr(hash + 1))] = pointer();  // draft 6/7 "#name" ids
        }
        const std::string base(text.substr(0, hash));
        if (!base.empty()) ids_[base] = {doc.relative, pointer()};
      }
      for (const JsonValue& child : v.children()) {
        if (!child.is_object() && !child.is_array()) continue;
        path.push_back(child.key());
        collect_ids(doc, child, path);
        path.pop_back();
      }
    } else if (v.is_array()) {
      const auto items = v.children();
      std::vector<std::string> indexes(items.size());
      for (size_t i = 0; i < items.size(); ++i) {
        if (!items[i].is_object() && !items[i].is_array()) continue;
        indexes[i] = std::to_string(i);
        path.push_back(indexes[i]);
        collect_ids(doc, items[i], path);
        path.pop_back();
      }
    }
  }

  // "$ref" text -> "file#pointer", or an InputError at the reference.
  std::string resolve(Document& doc, const JsonValue& ref) {
    if (!ref.is_string()) fail(doc, ref.offset, "$ref must be a string");
    const std::string text(ref.text());
    const size_t hash = text.find('#');
    const std::string base = text.substr(0, hash);
    const std::string fragment =
        hash == std::string::npos ? "" : percent_decode(std::string_view(text).substr(hash + 1));
    Document* target = &doc;
    std::string pointer;
    if (!base.empty()) {
      // Inside a remote schema's local copy, a relative reference is relative to its URI.
      const std::string uri = is_uri(base)           ? base
                              : is_uri(doc.relative) ? join_uri(doc.relative, base)
                                                     : "";
      if (auto it = ids_.find(uri.empty() ? base : uri); it != ids_.end()) {
        target = docs_[by_relative_.at(it->second.first)].get();
        pointer = it->second.second;
      } else if (!uri.empty()) {
        target = &open_remote(doc, ref, uri);
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

  static bool is_uri(std::string_view s) { return s.find("://") != std::string_view::npos; }

  // `relative` read against the URI `base` (RFC 3986 reference resolution, paths only).
  static std::string join_uri(const std::string& base, const std::string& relative) {
    const size_t path_at = base.find('/', base.find("://") + 3);
    const std::string authority = base.substr(0, path_at);
    const fs::path dir =
        path_at == std::string::npos ? fs::path("/") : fs::path(base.substr(path_at)).parent_path();
    const fs::path joined = relative.starts_with('/') ? fs::path(relative) : dir / relative;
    return authority + joined.lexically_normal().generic_string();
  }

  // A remote schema is never fetched: it is read from the local file the configuration maps its
  // URI to (an exact entry, else the longest entry ending in '/' that prefixes it).
  Document& open_remote(const Document& doc, const JsonValue& ref, const std::string& uri) {
    std::optional<fs::path> local;
    size_t longest = 0;
    for (const auto& [from, to] : ref_map_) {
      if (from == uri) {
        local = fs::path(to);
        break;
      }
      if (from.ends_with('/') && uri.starts_with(from) && from.size() > longest) {
        const fs::path rest = fs::path(uri.substr(from.size())).lexically_normal();
        if (rest.empty() || *rest.begin() == ".." || rest.is_absolute()) continue;
        local = fs::path(to) / rest;
        longest = from.size();
      }
    }
    const std::string text(ref.text());
    if (!local) {
      fail(doc, ref.offset,
           "remote $ref \"" + text +
               "\" is not fetched; map its URI to a local copy (ref_map: in breakwater.yaml, or "
               "--ref-map URI=PATH)");
    }
    std::error_code ec;
    if (!fs::is_regular_file(*local, ec)) {
      fail(doc, ref.offset,
           "$ref \"" + text + "\" is mapped to " + detail::shown_path(*local) + ": no such file");
    }
    return open(*local, uri);
  }

  // A subschema, located at the key that introduces it (`"name": {`, `"items": {`).
  void child(Entity& parent, Document& doc, const JsonValue& v, std::string name, std::string key,
             size_t key_offset) {
    parent.children.push_back(build(doc, v, std::move(name), std::move(key), key_offset));
  }

  // `name` is the schema's "file#pointer"; `at` where it is introduced.
  Entity build(Document& doc, const JsonValue& v, std::string name, std::string key, size_t at) {
    Entity e = build_unreleased(doc, v, std::move(name), std::move(key), at);
    stamp_fingerprint(e);
    return e;
  }

  // Every attribute is new to its entity, so it is appended without Entity::set's lookup.
  // (Out of line: GCC 12 inlining a variant built from a brace list warns of uninitialised use.)
  [[gnu::noinline]] static void push(Entity& e, std::string_view name, Value value,
                                     SourceRef at = {}) {
    e.attrs.push_back(Attr{name, std::move(value), at});
  }

  // The fingerprint read back here was appended last.
  static const Attr* last_attr(const Entity& e, std::string_view name) {
    for (auto a = e.attrs.rbegin(); a != e.attrs.rend(); ++a) {
      if (a->name == name) return &*a;
    }
    return nullptr;
  }

  // See fingerprint.hpp: it lets the comparison skip the unchanged bulk of a big schema.
  static void stamp_fingerprint(Entity& e) {
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
        const auto child_hash =
            static_cast<uint64_t>(std::get<int64_t>(last_attr(c, "hash")->value));
        mix(child_hash);
        refs = refs || (child_hash & 1) != 0;
      } else {
        mix(std::hash<std::string_view>()(c.kind));
        mix(std::hash<std::string_view>()(c.str("names")));
      }
    }
    push(e, "hash", static_cast<int64_t>((h & ~uint64_t{1}) | (refs ? 1 : 0)));
  }

  // The entities build_unreleased makes below a schema: subschemas, enum values, required
  // names and dependency lists.
  static size_t subschema_count(const Keywords& kw) {
    size_t n = 0;
    const auto count = [&](Keyword k, JsonValue::Kind kind) {
      if (kw[k] != nullptr && kw[k]->kind == kind) n += kw[k]->count;
    };
    for (Keyword k : {kEnum, kRequired, kPrefixItems, kAllOf, kAnyOf, kOneOf})
      count(k, JsonValue::Kind::array);
    for (Keyword k : {kProperties, kPatternProperties, kDependentSchemas, kDefs, kDefinitions,
                      kDependentRequired, kDependencies})
      count(k, JsonValue::Kind::object);
    for (Keyword k : {kAdditionalProperties, kUnevaluatedProperties, kPropertyNames, kContains,
                      kUnevaluatedItems, kNot, kIf, kThen, kElse, kAdditionalItems}) {
      if (kw[k] != nullptr) ++n;
    }
    if (kw[kItems] != nullptr) n += kw[kItems]->is_array() ? kw[kItems]->count : 1;
    return n;
  }

  Entity build_unreleased(Document& doc, const JsonValue& v, std::string name, std::string key,
                          size_t at_offset) {
    Entity e;
    e.kind = "schema";
    e.key = std::move(key);
    e.name = std::move(name);
    e.loc = where(doc, at_offset);
    if (v.is_bool()) {
      push(e, "always", v.boolean);
      return e;
    }
    if (!v.is_object()) {
      fail(doc, v.offset, "a schema must be an object or a boolean");
    }
    const Keywords kw(v, doc.draft);
    // Sized once: growing millions of small vectors by doubling cost a fifth of the load.
    e.attrs.reserve(kw.attributes + 1);  // and the fingerprint
    e.children.reserve(subschema_count(kw));
    const auto sub = [&](Keyword k) {
      std::string out = e.name;
      out += '/';
      out += kKeywords[k].name;
      return out;
    };
    const auto sub_member = [&](Keyword k, std::string_view member) {
      return sub(k) + "/" + escape_segment(member);
    };
    const auto at = [&](Keyword k) { return where(doc, kw.key_offset[k]); };
    const auto add = [&](Keyword k, Value value) {
      push(e, kKeywords[k].name, std::move(value), at(k));
    };
    const auto number = [&](Keyword k) {
      if (kw[k] != nullptr && kw[k]->is_number()) add(k, kw[k]->number);
    };
    if (const JsonValue* ref = kw[kRef]) {
      push(e, "ref", resolve(doc, *ref), at(kRef));
      // Up to draft-07 a $ref replaces the whole schema: its siblings are ignored.
      if (static_cast<int>(doc.draft) <= static_cast<int>(Draft::d7)) {
        for (Keyword k : {kDefinitions, kDefs}) {
          const JsonValue* m = kw[k];
          if (m == nullptr || !m->is_object()) continue;
          for (const JsonValue& d : m->children()) {
            child(e, doc, d, sub_member(k, d.key()), "$defs/" + std::string(d.key()), d.key_offset);
          }
        }
        return e;
      }
    }
    // Keywords that constrain documents but are not compared yet: said, never silently skipped.
    for (Keyword k : {kDynamicRef, kRecursiveRef, kContentSchema}) {
      if (kw[k] != nullptr) {
        schema_.warnings.push_back(
            {at(k), std::string(kKeywords[k].name) +
                        " is not compared yet; what it constrains is not checked"});
      }
    }
    if (const JsonValue* t = kw[kType]) {
      std::vector<std::string_view> types;
      if (t->is_string()) types.push_back(t->text());
      for (const JsonValue& i : t->children()) {
        if (i.is_string()) types.push_back(i.text());
      }
      std::sort(types.begin(), types.end());
      std::string joined;
      for (std::string_view s : types) {
        if (!joined.empty()) joined += ',';
        joined += s;
      }
      add(kType, std::move(joined));
    }
    if (const JsonValue* en = kw[kEnum]; en && en->is_array()) {
      add(kEnum, true);
      for (const JsonValue& item : en->children()) {
        Entity value;
        value.kind = "enum_value";
        value.key = value.name = item.canonical();
        value.loc = where(doc, item.offset);
        e.children.push_back(std::move(value));
      }
    }
    if (const JsonValue* c = kw[kConst]) add(kConst, c->canonical());
    number(kMinimum);
    number(kMaximum);
    // Values the specification forbids would make any verdict a guess (`multipleOf: -1` used to
    // pass as "no change"): refused where they are written.
    if (const JsonValue* m = kw[kMultipleOf]) {
      if (!m->is_number() || !(m->number > 0))
        fail(doc, m->offset, "multipleOf must be a number greater than 0");
    }
    number(kMultipleOf);
    // Draft-04 exclusive bounds are flags on minimum/maximum; later drafts give the bound.
    for (const auto& [flag, bound] :
         {std::pair{kExclusiveMinimum, kMinimum}, std::pair{kExclusiveMaximum, kMaximum}}) {
      const JsonValue* x = kw[flag];
      if (x == nullptr) continue;
      const std::string_view bound_name = kKeywords[bound].name;
      if (x->is_number()) {
        add(flag, x->number);
      } else if (const Attr* b = e.find(bound_name); x->is_bool() && x->boolean && b) {
        const double limit = std::get<double>(b->value);
        std::erase_if(e.attrs, [&](const Attr& a) { return a.name == bound_name; });
        add(flag, limit);
      }
    }
    for (Keyword k : {kMinLength, kMaxLength, kMinItems, kMaxItems, kMinProperties, kMaxProperties,
                      kMinContains, kMaxContains}) {
      if (const JsonValue* n = kw[k];
          n != nullptr && (!n->is_number() || n->number < 0 || n->number != std::floor(n->number)))
        fail(doc, n->offset, std::string(kKeywords[k].name) + " must be a non-negative integer");
      number(k);
    }
    for (Keyword k : {kPattern, kFormat}) {
      if (kw[k] != nullptr && kw[k]->is_string()) add(k, std::string(kw[k]->text()));
    }
    if (const JsonValue* u = kw[kUniqueItems]; u && u->is_bool() && u->boolean)
      add(kUniqueItems, true);
    if (const JsonValue* d = kw[kDefault]) add(kDefault, d->canonical());
    if (const JsonValue* r = kw[kRequired]; r && r->is_array()) {
      for (const JsonValue& n : r->children()) {
        if (!n.is_string()) continue;
        Entity req;
        req.kind = "required";
        req.key = req.name = std::string(n.text());
        req.loc = where(doc, n.offset);
        e.children.push_back(std::move(req));
      }
    }
    for (Keyword k : {kProperties, kPatternProperties, kDependentSchemas, kDefs, kDefinitions}) {
      const JsonValue* m = kw[k];
      if (m == nullptr || !m->is_object()) continue;
      const std::string_view slot = k == kDefinitions ? "$defs" : kKeywords[k].name;
      for (const JsonValue& s : m->children()) {
        // Before 2019-09 `$defs` is no keyword: validators ignore what it holds, and a `$ref`
        // into it resolves by pointer (add_pointed_schemas); only its schemas are kept.
        if (k == kDefs && doc.draft < Draft::d2019 && !s.is_object() && !s.is_bool()) continue;
        std::string child_key;
        child_key.reserve(slot.size() + 1 + s.key_size);
        child_key.append(slot).append(1, '/').append(s.key());
        child(e, doc, s, sub_member(k, s.key()), std::move(child_key), s.key_offset);
      }
    }
    const auto dependency_list = [&](const JsonValue& names) {
      Entity dep;
      dep.kind = "dependency";
      dep.key = dep.name = std::string(names.key());
      dep.loc = where(doc, names.offset);
      std::vector<std::string_view> list;
      for (const JsonValue& n : names.children()) {
        if (n.is_string()) list.push_back(n.text());
      }
      std::sort(list.begin(), list.end());
      std::string joined;
      for (std::string_view s : list) {
        if (!joined.empty()) joined += '\x1f';
        joined += s;
      }
      push(dep, "names", std::move(joined));
      e.children.push_back(std::move(dep));
    };
    if (const JsonValue* m = kw[kDependentRequired]; m && m->is_object()) {
      for (const JsonValue& names : m->children()) dependency_list(names);
    }
    if (const JsonValue* m = kw[kDependencies]; m && m->is_object()) {
      for (const JsonValue& d : m->children()) {
        if (d.is_array()) {
          dependency_list(d);
        } else {
          child(e, doc, d, sub_member(kDependencies, d.key()),
                "dependentSchemas/" + std::string(d.key()), d.key_offset);
        }
      }
    }
    for (Keyword k : {kAdditionalProperties, kUnevaluatedProperties, kPropertyNames, kContains,
                      kUnevaluatedItems, kNot, kIf, kThen, kElse}) {
      if (const JsonValue* s = kw[k])
        child(e, doc, *s, sub(k), std::string(kKeywords[k].name), kw.key_offset[k]);
    }
    // Tuples: 2020-12 prefixItems + items; earlier drafts items: [...] + additionalItems.
    const JsonValue* items = kw[kItems];
    const JsonValue* prefix = kw[kPrefixItems];
    const auto tuple = [&](Keyword k, const JsonValue& list) {
      for (size_t i = 0; i < list.count; ++i) {
        const std::string index = std::to_string(i);
        child(e, doc, list.children()[i], sub(k) + "/" + index, "prefixItems/" + index,
              list.children()[i].offset);
      }
    };
    if (items != nullptr && items->is_array()) {
      tuple(kItems, *items);
      if (const JsonValue* extra = kw[kAdditionalItems])
        child(e, doc, *extra, sub(kAdditionalItems), "items", kw.key_offset[kAdditionalItems]);
    } else {
      if (prefix != nullptr && prefix->is_array()) tuple(kPrefixItems, *prefix);
      if (items != nullptr) child(e, doc, *items, sub(kItems), "items", kw.key_offset[kItems]);
    }
    for (Keyword k : {kAllOf, kAnyOf, kOneOf}) {
      const JsonValue* list = kw[k];
      if (list == nullptr || !list->is_array()) continue;
      add(k, static_cast<int64_t>(list->count));
      for (size_t i = 0; i < list->count; ++i) {
        const std::string index = std::to_string(i);
        child(e, doc, list->children()[i], sub(k) + "/" + index,
              std::string(kKeywords[k].name) + "/" + index, list->children()[i].offset);
      }
    }
    return e;
  }

  Schema& schema_;
  fs::path root_;
  const std::map<std::string, std::string>& ref_map_;  // remote URI (prefix) -> local copy
  std::vector<std::unique_ptr<Document>> docs_;
  std::vector<std::unique_ptr<Lines>> lines_;
  std::map<std::string, size_t> by_relative_;
  std::map<std::string, std::pair<std::string, std::string>> ids_;  // $id -> (file, pointer)
};

// Every $ref must name a schema that was built, and a chain of schemas that are nothing but
// a $ref must not come back to itself (it describes no value; a validator would loop). Errors
// are reported at the first such $ref in document order.
void check_references(const Schema& schema) {
  const auto only_ref = [](const Entity& e) {
    if (!e.has("ref") || !e.children.empty()) return false;
    return std::all_of(e.attrs.begin(), e.attrs.end(),
                       [](const Attr& a) { return a.name == "ref" || a.name == "hash"; });
  };
  RefTargets targets(schema);
  // Links between schemas that are nothing but a $ref: the only places a cycle can run.
  std::unordered_map<const Entity*, const Entity*> bare_link;
  std::vector<const Entity*> bare_starts;
  for (const Entity* e : schemas_with_refs(schema)) {
    const std::string_view ref = e->str("ref");
    const Entity* t = targets.find(ref);
    if (t == nullptr) {
      throw InputError(schema.resolve(e->loc_of("ref")),
                       "$ref to " + std::string(ref) + " points at no schema (dangling reference)");
    }
    if (only_ref(*e) && only_ref(*t)) {
      bare_link.emplace(e, t);
      bare_starts.push_back(e);
    }
  }
  std::unordered_set<const Entity*> leads_somewhere;  // chains already followed to a schema
  for (const Entity* start : bare_starts) {
    std::vector<const Entity*> chain;
    for (const Entity* e = start; e != nullptr && !leads_somewhere.contains(e);) {
      if (std::find(chain.begin(), chain.end(), e) != chain.end()) {
        throw InputError(schema.resolve(e->loc_of("ref")),
                         "$ref cycle with no schema in it: " + e->name + " refers back to itself");
      }
      chain.push_back(e);
      const auto next = bare_link.find(e);
      e = next == bare_link.end() ? nullptr : next->second;
    }
    leads_somewhere.insert(chain.begin(), chain.end());
  }
}

bool is_schema_file(const fs::path& p) {
  return p.extension() == ".json";
}

std::vector<fs::path> schema_files(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (is_schema_file(it->path()) && detail::regular_input(*it)) out.push_back(it->path());
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

// Whether a document in a folder is a schema: a boolean schema, `{}`, or an object with a `$`
// keyword or a keyword only schemas have at their top (`type` only with a JSON type name:
// package.json's "type": "module" is not one).
bool looks_like_schema(const JsonValue& root) {
  if (root.is_bool()) return true;
  if (!root.is_object()) return false;
  if (root.count == 0) return true;
  static constexpr std::string_view kTypes[] = {"object",  "array",   "string", "number",
                                                "integer", "boolean", "null"};
  const auto type_name = [](const JsonValue& v) {
    return v.is_string() &&
           std::find(std::begin(kTypes), std::end(kTypes), v.text()) != std::end(kTypes);
  };
  // Every validation and applicator keyword of drafts 4 to 2020-12; not the annotations
  // (title, description, default, format...) other JSON files use too.
  static constexpr std::string_view kKeywords[] = {
      "properties", "patternProperties", "additionalProperties", "propertyNames", "items",
      "prefixItems", "additionalItems", "contains", "unevaluatedItems", "unevaluatedProperties",
      "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas",
      "dependencies", "definitions", "enum", "const", "multipleOf", "maximum",
      "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern",
      "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties",
      "minProperties", "required", "dependentRequired"};
  for (const JsonValue& m : root.children()) {
    const std::string_view k = m.key();
    if (k.starts_with('$')) return true;
    if (std::find(std::begin(kKeywords), std::end(kKeywords), k) != std::end(kKeywords))
      return true;
    if (k == "type" && (type_name(m) || (m.is_array() && m.count > 0 &&
                                         std::all_of(m.children().begin(), m.children().end(),
                                                     type_name))))
      return true;
  }
  return false;
}

Schema load_here(const std::string& path, const std::map<std::string, std::string>& ref_map) {
  const fs::path input(path);
  std::error_code ec;
  if (!fs::exists(input, ec)) throw InputError(Location{path, 0, 0}, "no such file or directory");
  Schema schema;
  schema.format = "jsonschema";
  schema.root = path;
  const bool dir = fs::is_directory(input, ec);
  const fs::path root = dir ? input : input.parent_path();
  Loader loader(schema, root.empty() ? fs::path(".") : root, ref_map);
  detail::Trace trace("jsonschema load " + path);
  if (dir) {
    for (const fs::path& f : schema_files(input)) loader.open(f);
  } else {
    loader.open(input);
  }
  trace.lap("parse");
  // The files the input names; the ones after them are only referenced.
  const size_t inputs = loader.documents();
  // Referenced files load on demand while building, so the list grows as it is walked.
  for (size_t i = 0; i < loader.documents(); ++i) {
    // A folder beside other contracts holds other JSON too (package.json, editor settings):
    // only documents that look like schemas are compared as files, the rest said so. One that
    // is referenced is still read through its references.
    if (dir && i < inputs && !looks_like_schema(loader.document(i).json.root())) {
      schema.warnings.push_back(
          {SourceRef{loader.document(i).id, 1, 1},
           "not a JSON Schema (no schema keyword at its top level); not compared"});
      continue;
    }
    Entity file = loader.build_root(loader.document(i));
    // An input file, or one only referenced (compared through its references, never as a file).
    file.kind = i < inputs ? "schema_file" : "referenced_file";
    if (!dir && i == 0) file.key = ".";  // two single files compare whatever their names
    schema.roots.push_back(std::move(file));
  }
  trace.lap("build");
  check_references(schema);
  trace.lap("references");
  return schema;
}

}  // namespace

Schema load(const std::string& path, const LoadOptions&, const Options& own) {
  // Building walks the document recursively: deep nesting needs more stack than a thread has.
  Schema schema;
  detail::run_on_big_stack([&] { schema = load_here(path, own.ref_map); });
  return schema;
}

}  // namespace breakwater::jsonschema
