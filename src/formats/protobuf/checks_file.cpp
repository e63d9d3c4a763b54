// File-level rules: package, syntax and the language options that shape generated code.
#include "formats/protobuf/checks.hpp"
#include "formats/protobuf/names.hpp"
#include "rule_ids/protobuf.hpp"

namespace breakwater::protobuf {
namespace n = names;

namespace {

void for_each_file_pair(const Sides& s,
                        const std::function<void(const Entity&, const Entity&)>& fn) {
  for (const Entity* o : s.old_side.files()) {
    if (const Entity* nw = s.new_side.file(o->key)) fn(*o, *nw);
  }
}

std::string shown(const Value& v) {
  if (const auto* t = std::get_if<std::string>(&v)) return q(*t);
  return value_text(v);
}

// One file option compared with its effective value (unset = the language default).
void same_option(const Sides& s, RuleId rule, std::string_view option,
                 const Value& fallback, std::string_view audience) {
  for_each_file_pair(s, [&](const Entity& o, const Entity& nw) {
    const Value before = effective(o, option, fallback);
    const Value after = effective(nw, option, fallback);
    if (before == after) return;
    s.out.emit(rule, nw.key + "#" + std::string(option),
               "File option " + q(option) + " changed from " + shown(before) + " to " +
                   shown(after) + " in " + q(nw.key) + ".",
               nw.loc_of(option), o.loc_of(option),
               "Restore `option " + std::string(option) + " = " + shown(before) +
                   ";`: " + std::string(audience) +
                   " If the change is intended, publish it as a new file or package version.");
  });
}

}  // namespace

void check_FILE_SAME_PACKAGE(const Sides& s) {
  for_each_file_pair(s, [&](const Entity& o, const Entity& nw) {
    const std::string_view before = o.str(n::kPackage), after = nw.str(n::kPackage);
    if (before == after) return;
    s.out.emit(
        rules::protobuf::FILE_SAME_PACKAGE, nw.key,
        "File " + q(nw.key) + " changed its package from " + q(before) + " to " + q(after) + ".",
        nw.loc_of(n::kPackage), o.loc_of(n::kPackage),
        "Keep package " + std::string(before) + " in " + nw.key +
            " and add the new package in a new file; every type's full name depends on it.");
  });
}

void check_FILE_SAME_SYNTAX(const Sides& s) {
  for_each_file_pair(s, [&](const Entity& o, const Entity& nw) {
    const std::string_view before = o.str(n::kSyntax), after = nw.str(n::kSyntax);
    if (before == after) return;
    s.out.emit(
        rules::protobuf::FILE_SAME_SYNTAX, nw.key,
        "File " + q(nw.key) + " changed its syntax from " + q(before) + " to " + q(after) + ".",
        nw.loc_of(n::kSyntax), o.loc_of(n::kSyntax),
        "Keep `syntax = \"" + std::string(before) +
            "\";`: presence, defaults, enum openness and UTF-8 checks all depend on it.");
  });
}

void check_FILE_SAME_GO_PACKAGE(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_GO_PACKAGE, "go_package", std::string(),
              "Go import paths of generated code depend on it.");
}
void check_FILE_SAME_JAVA_PACKAGE(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_JAVA_PACKAGE, "java_package", std::string(),
              "Java imports of generated classes depend on it.");
}
void check_FILE_SAME_JAVA_MULTIPLE_FILES(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_JAVA_MULTIPLE_FILES, "java_multiple_files", false,
              "Java class names (nested vs top-level) depend on it.");
}
void check_FILE_SAME_JAVA_OUTER_CLASSNAME(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_JAVA_OUTER_CLASSNAME, "java_outer_classname", std::string(),
              "the Java wrapper class name depends on it.");
}
void check_FILE_SAME_JAVA_GENERIC_SERVICES(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_JAVA_GENERIC_SERVICES, "java_generic_services", false,
              "Java service stubs appear or vanish with it.");
}
void check_FILE_SAME_CC_ENABLE_ARENAS(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_CC_ENABLE_ARENAS, "cc_enable_arenas", true,
              "C++ arena allocation APIs depend on it.");
}
void check_FILE_SAME_CC_GENERIC_SERVICES(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_CC_GENERIC_SERVICES, "cc_generic_services", false,
              "C++ service stubs appear or vanish with it.");
}
void check_FILE_SAME_PY_GENERIC_SERVICES(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_PY_GENERIC_SERVICES, "py_generic_services", false,
              "Python service stubs appear or vanish with it.");
}
void check_FILE_SAME_CSHARP_NAMESPACE(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_CSHARP_NAMESPACE, "csharp_namespace", std::string(),
              "C# code refers to generated types through it.");
}
void check_FILE_SAME_OBJC_CLASS_PREFIX(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_OBJC_CLASS_PREFIX, "objc_class_prefix", std::string(),
              "Objective-C class names depend on it.");
}
void check_FILE_SAME_PHP_CLASS_PREFIX(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_PHP_CLASS_PREFIX, "php_class_prefix", std::string(),
              "PHP class names depend on it.");
}
void check_FILE_SAME_PHP_NAMESPACE(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_PHP_NAMESPACE, "php_namespace", std::string(),
              "PHP code refers to generated classes through it.");
}
void check_FILE_SAME_PHP_METADATA_NAMESPACE(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_PHP_METADATA_NAMESPACE, "php_metadata_namespace", std::string(),
              "PHP metadata class names depend on it.");
}
void check_FILE_SAME_RUBY_PACKAGE(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_RUBY_PACKAGE, "ruby_package", std::string(),
              "Ruby module names depend on it.");
}
void check_FILE_SAME_SWIFT_PREFIX(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_SWIFT_PREFIX, "swift_prefix", std::string(),
              "Swift type names depend on it.");
}
void check_FILE_SAME_OPTIMIZE_FOR(const Sides& s) {
  same_option(s, rules::protobuf::FILE_SAME_OPTIMIZE_FOR, "optimize_for", std::string("SPEED"),
              "generated APIs differ (LITE_RUNTIME drops descriptors and reflection).");
}

}  // namespace breakwater::protobuf
