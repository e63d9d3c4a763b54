#include "formats/protobuf/to_model.hpp"

#include "formats/protobuf/editions.hpp"
#include "formats/protobuf/names.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>

namespace breakwater::protobuf {
namespace gp = google::protobuf;
namespace n = names;

namespace {

// descriptor.proto field numbers used in SourceCodeInfo paths.
namespace path_of {
constexpr int kFilePackage = 2, kFileDependency = 3, kFileMessage = 4, kFileEnum = 5,
              kFileService = 6, kFileExtension = 7, kFileOptions = 8, kFileSyntax = 12;
constexpr int kMsgName = 1, kMsgField = 2, kMsgNested = 3, kMsgEnum = 4, kMsgExtRange = 5,
              kMsgExtension = 6, kMsgOptions = 7, kMsgOneof = 8, kMsgReservedRange = 9,
              kMsgReservedName = 10;
constexpr int kFieldName = 1, kFieldExtendee = 2, kFieldNumber = 3, kFieldLabel = 4, kFieldType = 5,
              kFieldTypeName = 6, kFieldDefault = 7, kFieldOptions = 8, kFieldJsonName = 10;
constexpr int kEnumName = 1, kEnumValue = 2, kEnumReservedRange = 4, kEnumReservedName = 5;
constexpr int kValueName = 1, kValueNumber = 2;
constexpr int kServiceName = 1, kServiceMethod = 2;
constexpr int kMethodName = 1, kMethodInput = 2, kMethodOutput = 3, kMethodOptions = 4,
              kMethodClientStreaming = 5, kMethodServerStreaming = 6;
constexpr int kMethodIdempotency = 34;
constexpr int kFieldCtype = 1, kFieldJstype = 6;
constexpr int kMsgSetWireFormat = 1, kNoStandardAccessor = 2;
}  // namespace path_of

using Path = std::vector<int>;

// Vectors grow by doubling; a model holds millions of small ones, so trim each when it is done.
Entity trimmed(Entity& e) {
  e.attrs.shrink_to_fit();
  e.children.shrink_to_fit();
  return std::move(e);
}

Entity declared(std::string_view kind, std::string key, std::string name, SourceRef loc) {
  Entity e;
  e.kind = kind;
  e.key = std::move(key);
  e.name = std::move(name);
  e.loc = loc;
  return e;
}

Path operator+(Path p, std::initializer_list<int> more) {
  p.insert(p.end(), more);
  return p;
}

class Converter {
 public:
  Converter(const SpanIndex& spans, uint32_t file_id, std::string_view edition)
      : spans_(spans), file_id_(file_id), edition_(edition) {}

  // Without source info (a descriptor set built without --include_source_info) positions are
  // unknown but the file still is: findings then name the file without a line.
  SourceRef at(const Path& path) const {
    Span s = spans_.at(path);
    return SourceRef{file_id_, s.line, s.column};
  }
  // The position of `path`, or of `fallback` when the source does not spell it.
  SourceRef at(const Path& path, SourceRef fallback) const {
    SourceRef r = at(path);
    return r.line != 0 ? r : fallback;
  }

  Entity file(const gp::FileDescriptor& f) {
    Entity e;
    e.kind = n::kFile;
    e.key = f.name();
    e.name = f.name();
    // A file is located at its start: that is where buf, and annotations for removed
    // file-level options or deleted top-level types, point.
    e.loc = SourceRef{file_id_, 1, 1};
    e.set(n::kPackage, f.package(), at({path_of::kFilePackage}, e.loc));
    e.set(n::kSyntax, std::string(syntax_name(f)), at({path_of::kFileSyntax}, e.loc));
    if (editions()) scope_.push_back(Features::of_edition(edition_).with(f.options()));
    file_options(f.options(), e);
    for (int i = 0; i < f.dependency_count(); ++i) {
      const std::string& imported = f.dependency(i)->name();
      e.children.push_back(
          declared(n::kImport, imported, imported, at({path_of::kFileDependency, i}, e.loc)));
    }
    for (int i = 0; i < f.message_type_count(); ++i) {
      e.children.push_back(message(*f.message_type(i), {path_of::kFileMessage, i}, ""));
    }
    for (int i = 0; i < f.enum_type_count(); ++i) {
      e.children.push_back(enumeration(*f.enum_type(i), {path_of::kFileEnum, i}, ""));
    }
    for (int i = 0; i < f.service_count(); ++i) {
      e.children.push_back(service(*f.service(i), {path_of::kFileService, i}));
    }
    for (int i = 0; i < f.extension_count(); ++i) {
      e.children.push_back(field(*f.extension(i), {path_of::kFileExtension, i}, ""));
    }
    return trimmed(e);
  }

 private:
  // The resolved `json_format` feature: proto3 files allow JSON, proto2 files only "best
  // effort" (their enums and groups may not round-trip). Editions could set it explicitly.
  std::string_view json_format(const gp::FileDescriptor& f, const Features* own) const {
    if (own != nullptr) return own->json_format;
    return f.syntax() == gp::FileDescriptor::SYNTAX_PROTO3 ? "ALLOW" : "LEGACY_BEST_EFFORT";
  }

  std::string_view syntax_name(const gp::FileDescriptor& f) const {
    if (editions()) return "editions";
    return f.syntax() == gp::FileDescriptor::SYNTAX_PROTO3 ? "proto3" : "proto2";
  }

  // An editions file (built with proto2's rules, so its syntax says nothing): its features
  // decide presence, enum openness, UTF-8 validation, JSON format and message encoding.
  bool editions() const { return !edition_.empty(); }
  bool proto3(const gp::FileDescriptor& f) const {
    return !editions() && f.syntax() == gp::FileDescriptor::SYNTAX_PROTO3;
  }

  void file_options(const gp::FileOptions& o, Entity& e) {
    auto opt = [&](std::string_view name, int number, Value v) {
      e.set(name, std::move(v), at({path_of::kFileOptions, number}, e.loc));
    };
    if (o.has_java_package()) opt("java_package", 1, o.java_package());
    if (o.has_java_outer_classname()) opt("java_outer_classname", 8, o.java_outer_classname());
    if (o.has_optimize_for())
      opt("optimize_for", 9, gp::FileOptions::OptimizeMode_Name(o.optimize_for()));
    if (o.has_java_multiple_files()) opt("java_multiple_files", 10, o.java_multiple_files());
    if (o.has_go_package()) opt("go_package", 11, o.go_package());
    if (o.has_cc_generic_services()) opt("cc_generic_services", 16, o.cc_generic_services());
    if (o.has_java_generic_services()) opt("java_generic_services", 17, o.java_generic_services());
    if (o.has_py_generic_services()) opt("py_generic_services", 18, o.py_generic_services());
    if (o.has_java_string_check_utf8())
      opt("java_string_check_utf8", 27, o.java_string_check_utf8());
    if (o.has_cc_enable_arenas()) opt("cc_enable_arenas", 31, o.cc_enable_arenas());
    if (o.has_objc_class_prefix()) opt("objc_class_prefix", 36, o.objc_class_prefix());
    if (o.has_csharp_namespace()) opt("csharp_namespace", 37, o.csharp_namespace());
    if (o.has_swift_prefix()) opt("swift_prefix", 39, o.swift_prefix());
    if (o.has_php_class_prefix()) opt("php_class_prefix", 40, o.php_class_prefix());
    if (o.has_php_namespace()) opt("php_namespace", 41, o.php_namespace());
    if (o.has_php_metadata_namespace())
      opt("php_metadata_namespace", 44, o.php_metadata_namespace());
    if (o.has_ruby_package()) opt("ruby_package", 45, o.ruby_package());
  }

  static std::string nested(const std::string& scope, const std::string& name) {
    return scope.empty() ? name : scope + "." + name;
  }

  Entity message(const gp::Descriptor& m, const Path& path, const std::string& scope) {
    Entity e = declared(n::kMessage, nested(scope, m.name()), m.full_name(), at(path));
    e.set("name", m.name(), at(path + std::initializer_list<int>{path_of::kMsgName}, e.loc));
    const gp::MessageOptions& o = m.options();
    if (editions()) scope_.push_back(scope_.back().with(o));
    if (o.map_entry()) e.set(n::kMapEntry, true);
    e.set(n::kJsonFormat,
          std::string(json_format(*m.file(), editions() ? &scope_.back() : nullptr)));
    if (o.has_message_set_wire_format()) {
      e.set("message_set_wire_format", o.message_set_wire_format(),
            at(path + std::initializer_list<int>{path_of::kMsgOptions, path_of::kMsgSetWireFormat},
               e.loc));
    }
    if (o.has_no_standard_descriptor_accessor()) {
      e.set(
          "no_standard_descriptor_accessor", o.no_standard_descriptor_accessor(),
          at(path + std::initializer_list<int>{path_of::kMsgOptions, path_of::kNoStandardAccessor},
             e.loc));
    }
    for (int i = 0; i < m.field_count(); ++i) {
      e.children.push_back(
          field(*m.field(i), path + std::initializer_list<int>{path_of::kMsgField, i}, e.key));
    }
    for (int i = 0; i < m.oneof_decl_count(); ++i) {
      const gp::OneofDescriptor& o1 = *m.oneof_decl(i);
      Entity one = declared(n::kOneof, o1.name(), o1.full_name(),
                            at(path + std::initializer_list<int>{path_of::kMsgOneof, i}, e.loc));
      if (o1.is_synthetic()) one.set(n::kSynthetic, true);
      e.children.push_back(std::move(one));
    }
    for (int i = 0; i < m.nested_type_count(); ++i) {
      // A map's entry takes the features of the map field that declares it (a map field's
      // `features.utf8_validation` is its key's and value's).
      const gp::FieldDescriptor* map_field = nullptr;
      if (editions() && m.nested_type(i)->options().map_entry()) {
        for (int k = 0; k < m.field_count(); ++k)
          if (m.field(k)->message_type() == m.nested_type(i)) map_field = m.field(k);
      }
      if (map_field != nullptr) scope_.push_back(scope_.back().with(map_field->options()));
      e.children.push_back(message(
          *m.nested_type(i), path + std::initializer_list<int>{path_of::kMsgNested, i}, e.key));
      if (map_field != nullptr) scope_.pop_back();
    }
    locate_map_entries(e);
    for (int i = 0; i < m.enum_type_count(); ++i) {
      e.children.push_back(enumeration(
          *m.enum_type(i), path + std::initializer_list<int>{path_of::kMsgEnum, i}, e.key));
    }
    for (int i = 0; i < m.extension_count(); ++i) {
      e.children.push_back(field(
          *m.extension(i), path + std::initializer_list<int>{path_of::kMsgExtension, i}, e.key));
    }
    for (int i = 0; i < m.reserved_range_count(); ++i) {
      const auto* r = m.reserved_range(i);  // end is exclusive here
      e.children.push_back(
          range(n::kReservedRange, r->start, r->end - 1,
                at(path + std::initializer_list<int>{path_of::kMsgReservedRange, i}, e.loc)));
    }
    for (int i = 0; i < m.reserved_name_count(); ++i) {
      e.children.push_back(reserved_name(
          m.reserved_name(i),
          at(path + std::initializer_list<int>{path_of::kMsgReservedName, i}, e.loc)));
    }
    for (int i = 0; i < m.extension_range_count(); ++i) {
      const auto* r = m.extension_range(i);  // end is exclusive here
      e.children.push_back(
          range(n::kExtensionRange, r->start, r->end - 1,
                at(path + std::initializer_list<int>{path_of::kMsgExtRange, i}, e.loc)));
    }
    if (editions()) scope_.pop_back();
    return trimmed(e);
  }

  // Synthetic map entry messages have no source of their own: place them, and their key and
  // value fields, on the map field that declares them.
  static void locate_map_entries(Entity& message) {
    for (Entity& entry : message.children) {
      if (entry.kind != n::kMessage || !entry.flag(n::kMapEntry)) continue;
      for (const Entity& f : message.children) {
        if (f.kind == n::kField && f.str(n::kTypeName) == entry.name) entry.loc = f.loc;
      }
      for (Entity& member : entry.children) {
        member.loc = entry.loc;
        for (Attr& a : member.attrs) a.loc = entry.loc;
      }
      for (Attr& a : entry.attrs) a.loc = entry.loc;
    }
  }

  static Entity range(std::string_view kind, int start, int end, SourceRef where) {
    Entity e = declared(
        kind, std::to_string(start) + "-" + std::to_string(end),
        start == end ? std::to_string(start) : std::to_string(start) + " to " + std::to_string(end),
        where);
    e.set(n::kStart, int64_t{start});
    e.set(n::kEnd, int64_t{end});
    return trimmed(e);
  }

  static Entity reserved_name(const std::string& name, SourceRef where) {
    return declared(n::kReservedName, name, name, where);
  }

  static std::string type_spelling(const gp::FieldDescriptor& f) {
    if (f.message_type() != nullptr) return f.message_type()->full_name();
    if (f.enum_type() != nullptr) return f.enum_type()->full_name();
    return f.type_name();
  }

  static std::string cardinality(const gp::FieldDescriptor& f, const Features* own) {
    if (f.is_map()) return "map";
    if (f.is_repeated()) return "repeated";
    if (f.is_required()) return "required";
    if (own != nullptr) {
      // Message fields, oneof members and extensions always track presence.
      if (own->field_presence == "LEGACY_REQUIRED") return "required";
      const bool always = f.message_type() != nullptr || f.containing_oneof() != nullptr ||
                          f.is_extension();
      return always || own->field_presence != "IMPLICIT" ? "optional_explicit"
                                                         : "optional_implicit";
    }
    return f.has_presence() ? "optional_explicit" : "optional_implicit";
  }

  // Shortest round-trip text; floats are printed at float precision so that a float 0.1 and a
  // double 0.1 read the same.
  static std::string shortest(double v, bool as_float = false) {
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    if (std::isnan(v)) return "nan";
    char buf[64];
    auto r = as_float ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(v))
                      : std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
  }

  // "NAME=number" for every value, sorted: what the wire-compatibility rules compare.
  static std::string enum_signature(const gp::EnumDescriptor& en) {
    std::vector<std::string> values;
    for (int i = 0; i < en.value_count(); ++i) {
      values.push_back(en.value(i)->name() + "=" + std::to_string(en.value(i)->number()));
    }
    std::sort(values.begin(), values.end());
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ",") + v;
    return out;
  }

  static std::string default_text(const gp::FieldDescriptor& f) {
    switch (f.cpp_type()) {
      case gp::FieldDescriptor::CPPTYPE_INT32:
        return std::to_string(f.default_value_int32());
      case gp::FieldDescriptor::CPPTYPE_INT64:
        return std::to_string(f.default_value_int64());
      case gp::FieldDescriptor::CPPTYPE_UINT32:
        return std::to_string(f.default_value_uint32());
      case gp::FieldDescriptor::CPPTYPE_UINT64:
        return std::to_string(f.default_value_uint64());
      case gp::FieldDescriptor::CPPTYPE_DOUBLE:
        return shortest(f.default_value_double());
      case gp::FieldDescriptor::CPPTYPE_FLOAT:
        return shortest(static_cast<double>(f.default_value_float()), true);
      case gp::FieldDescriptor::CPPTYPE_BOOL:
        return f.default_value_bool() ? "true" : "false";
      case gp::FieldDescriptor::CPPTYPE_ENUM:  // compared by number; shown by name
        return f.default_value_enum() != nullptr ? std::to_string(f.default_value_enum()->number())
                                                 : "";
      case gp::FieldDescriptor::CPPTYPE_STRING:
        return f.default_value_string();
      case gp::FieldDescriptor::CPPTYPE_MESSAGE:
        return "";
    }
    return "";
  }

  Entity field(const gp::FieldDescriptor& f, const Path& path, const std::string& scope) {
    Entity e;
    e.kind = f.is_extension() ? n::kExtension : n::kField;
    e.key = f.is_extension() ? nested(scope, f.name()) : std::to_string(f.number());
    e.name = f.is_extension() ? f.full_name() : f.name();
    e.loc = at(path);
    auto sub = [&](int part) { return at(path + std::initializer_list<int>{part}, e.loc); };
    e.set("name", f.name(), sub(path_of::kFieldName));
    e.set(n::kNumber, int64_t{f.number()}, sub(path_of::kFieldNumber));
    const SourceRef type_at =
        at(path + std::initializer_list<int>{path_of::kFieldTypeName}, sub(path_of::kFieldType));
    std::optional<Features> own;
    if (editions()) own = scope_.back().with(f.options());
    // A message field encoded delimited is a group on the wire.
    const bool delimited = own && f.type() == gp::FieldDescriptor::TYPE_MESSAGE && !f.is_map() &&
                           own->message_encoding == "DELIMITED";
    e.set(n::kType, std::string(delimited ? "group" : f.type_name()), type_at);
    if (f.message_type() != nullptr || f.enum_type() != nullptr) {
      e.set(n::kTypeName, type_spelling(f), type_at);
    }
    e.set(n::kCardinality, cardinality(f, own ? &*own : nullptr), e.loc);
    if (f.is_map()) {
      const gp::Descriptor* entry = f.message_type();
      e.set(n::kMapKey, type_spelling(*entry->map_key()), type_at);
      e.set(n::kMapValue, type_spelling(*entry->map_value()), type_at);
    }
    if (const gp::OneofDescriptor* oneof = f.real_containing_oneof()) {
      e.set(n::kOneofName, oneof->name());
    }
    if (f.has_optional_keyword() && proto3(*f.file())) {
      e.set(n::kProto3Optional, true,
            at(path + std::initializer_list<int>{path_of::kFieldLabel}, type_at));
    }
    // Only an explicit json_name is kept; the checks derive the default from the name.
    if (!f.is_extension() && f.has_json_name())
      e.set(n::kJsonName, f.json_name(), sub(path_of::kFieldJsonName));
    // The effective default of singular scalar and enum fields: spelling `[default = 0]`
    // changes nothing, so the comparison is on values, not on what the source says. Zero
    // defaults ("", 0, false, an enum's 0) are left out: absent means zero.
    if (!f.is_repeated() && f.cpp_type() != gp::FieldDescriptor::CPPTYPE_MESSAGE) {
      const std::string value = default_text(f);
      const bool text = f.cpp_type() == gp::FieldDescriptor::CPPTYPE_STRING;
      const bool zero =
          text ? value.empty()
               : value == "false" || (value != "true" && std::strtold(value.c_str(), nullptr) == 0);
      if (!zero) {
        e.set(n::kDefault, value, f.has_default_value() ? sub(path_of::kFieldDefault) : e.loc);
        if (f.cpp_type() == gp::FieldDescriptor::CPPTYPE_ENUM) {
          const gp::EnumValueDescriptor* v = f.default_value_enum();
          e.set(n::kDefaultShown, v->type()->name() + "." + v->name());
        }
      }
    }
    // An enum field's values travel with it, so a type change can be judged even when the enum
    // lives in an imported file outside the input.
    if (const gp::EnumDescriptor* en = f.enum_type()) e.set(n::kEnumValues, enum_signature(*en));
    if (f.is_extension()) {
      e.set(n::kExtendee, f.containing_type()->full_name(), sub(path_of::kFieldExtendee));
    }
    const gp::FieldOptions& o = f.options();
    if (o.has_jstype()) {
      e.set("jstype", gp::FieldOptions::JSType_Name(o.jstype()),
            at(path + std::initializer_list<int>{path_of::kFieldOptions, path_of::kFieldJstype},
               e.loc));
    }
    if (o.has_ctype()) {
      e.set("ctype", gp::FieldOptions::CType_Name(o.ctype()),
            at(path + std::initializer_list<int>{path_of::kFieldOptions, path_of::kFieldCtype},
               e.loc));
    } else if (own && own->cpp_string_type != "STRING" &&
               (f.type() == gp::FieldDescriptor::TYPE_STRING ||
                f.type() == gp::FieldDescriptor::TYPE_BYTES)) {
      // features.(pb.cpp).string_type: VIEW (string_view accessors) and CORD.
      e.set("ctype", own->cpp_string_type, e.loc);
    }
    if (own && f.type() == gp::FieldDescriptor::TYPE_STRING) {
      e.set(n::kUtf8Validation, own->utf8_validation, e.loc);
      // Java validates what every language validates, and more when (pb.java) asks it to.
      e.set(n::kJavaUtf8Validation,
            std::string(own->utf8_validation == "VERIFY" || own->java_utf8_validation == "VERIFY"
                            ? "VERIFY"
                            : "NONE"),
            e.loc);
    } else if (f.type() == gp::FieldDescriptor::TYPE_STRING) {
      // proto3 always validates; proto2 only when Java is asked to (java_string_check_utf8).
      const bool is_proto3 = proto3(*f.file());
      const gp::FileOptions& fo = f.file()->options();
      e.set(n::kUtf8Validation, std::string(is_proto3 ? "VERIFY" : "NONE"), e.loc);
      e.set(n::kJavaUtf8Validation,
            std::string(is_proto3 || fo.java_string_check_utf8() ? "VERIFY" : "NONE"),
            fo.has_java_string_check_utf8() ? at({path_of::kFileOptions, 27}, e.loc) : e.loc);
    }
    return trimmed(e);
  }

  Entity enumeration(const gp::EnumDescriptor& en, const Path& path, const std::string& scope) {
    Entity e = declared(n::kEnum, nested(scope, en.name()), en.full_name(), at(path));
    e.set("name", en.name(), at(path + std::initializer_list<int>{path_of::kEnumName}, e.loc));
    std::optional<Features> own;
    if (editions()) own = scope_.back().with(en.options());
    e.set(n::kClosed, own ? own->enum_type == "CLOSED"
                          : en.file()->syntax() != gp::FileDescriptor::SYNTAX_PROTO3);
    e.set(n::kJsonFormat, std::string(json_format(*en.file(), own ? &*own : nullptr)));
    for (int i = 0; i < en.value_count(); ++i) {
      const gp::EnumValueDescriptor& v = *en.value(i);
      const Path vpath = path + std::initializer_list<int>{path_of::kEnumValue, i};
      Entity ve = declared(n::kEnumValue, v.name(), v.name(), at(vpath, e.loc));
      ve.set("name", v.name(), at(vpath + std::initializer_list<int>{path_of::kValueName}, ve.loc));
      ve.set(n::kNumber, int64_t{v.number()},
             at(vpath + std::initializer_list<int>{path_of::kValueNumber}, ve.loc));
      e.children.push_back(trimmed(ve));
    }
    for (int i = 0; i < en.reserved_range_count(); ++i) {
      const auto* r = en.reserved_range(i);  // end is inclusive for enums
      e.children.push_back(
          range(n::kReservedRange, r->start, r->end,
                at(path + std::initializer_list<int>{path_of::kEnumReservedRange, i}, e.loc)));
    }
    for (int i = 0; i < en.reserved_name_count(); ++i) {
      e.children.push_back(reserved_name(
          en.reserved_name(i),
          at(path + std::initializer_list<int>{path_of::kEnumReservedName, i}, e.loc)));
    }
    return trimmed(e);
  }

  Entity service(const gp::ServiceDescriptor& s, const Path& path) {
    Entity e = declared(n::kService, s.name(), s.full_name(), at(path));
    e.set("name", s.name(), at(path + std::initializer_list<int>{path_of::kServiceName}, e.loc));
    for (int i = 0; i < s.method_count(); ++i) {
      const gp::MethodDescriptor& m = *s.method(i);
      const Path mpath = path + std::initializer_list<int>{path_of::kServiceMethod, i};
      Entity r = declared(n::kRpc, m.name(), m.full_name(), at(mpath, e.loc));
      auto sub = [&](std::initializer_list<int> part) { return at(mpath + part, r.loc); };
      r.set("name", m.name(), sub({path_of::kMethodName}));
      r.set(n::kInputType, m.input_type()->full_name(), sub({path_of::kMethodInput}));
      r.set(n::kOutputType, m.output_type()->full_name(), sub({path_of::kMethodOutput}));
      r.set(n::kClientStreaming, m.client_streaming(), sub({path_of::kMethodClientStreaming}));
      r.set(n::kServerStreaming, m.server_streaming(), sub({path_of::kMethodServerStreaming}));
      if (m.options().has_idempotency_level()) {
        r.set("idempotency_level",
              gp::MethodOptions::IdempotencyLevel_Name(m.options().idempotency_level()),
              sub({path_of::kMethodOptions, path_of::kMethodIdempotency}));
      }
      e.children.push_back(trimmed(r));
    }
    return trimmed(e);
  }

  const SpanIndex& spans_;
  uint32_t file_id_;
  std::string_view edition_;    // "" unless an editions file
  std::vector<Features> scope_;  // resolved features of the file and enclosing messages
};

}  // namespace

Entity file_to_model(const gp::FileDescriptor& file, const SpanIndex& spans, uint32_t file_id,
                     std::string_view edition) {
  return Converter(spans, file_id, edition).file(file);
}

}  // namespace breakwater::protobuf
