// Deletion rules: files, types, packages, rpcs, oneofs, fields and enum values that disappeared.
#include <breakwater/diff.hpp>
#include "rule_ids/protobuf.hpp"

#include "formats/protobuf/checks.hpp"
#include "formats/protobuf/names.hpp"

#include <set>

namespace breakwater::protobuf {
namespace n = names;

namespace {

// Where to annotate the loss of OLD files that have no NEW counterpart: the first NEW file that
// imported one of them in OLD (it is what the author touched to drop the import), else nowhere.
SourceRef importer_in_new(const Sides& s, const std::set<std::string_view>& gone) {
  for (const Entity* f : s.old_side.files()) {
    const Entity* now = s.new_side.file(f->key);
    if (now == nullptr) continue;
    for (const Entity* imp : children_of(*f, n::kImport)) {
      if (gone.contains(imp->key)) return now->loc;
    }
  }
  return {};
}

}  // namespace

void check_FILE_NO_DELETE(const Sides& s) {
  for (const Entity* f : s.old_side.files()) {
    if (s.new_side.file(f->key) != nullptr) continue;
    s.out.emit(rules::protobuf::FILE_NO_DELETE, f->key, "File " + q(f->key) + " was deleted.",
               importer_in_new(s, {f->key}), f->loc,
               "Keep " + f->key +
                   " (deprecate its contents instead); to move types, leave the "
                   "file in place until every consumer has migrated.");
  }
}

namespace {

// FILE-category deletions: declarations of `kind` gone from a file that still exists, matched by
// nested name (so a package rename alone deletes nothing here).
void deleted_in_file(const Sides& s, RuleId rule, std::string_view kind,
                     const std::string& fix) {
  for (const Placed& o : s.old_side.all(kind)) {
    const Entity* new_file = s.new_side.file(o.file->key);
    if (new_file == nullptr) continue;
    const Entity* found = s.new_side.in_file(*new_file, o.entity->key);
    if (found != nullptr && found->kind == kind) continue;
    s.out.emit(rule, o.entity->name,
               "Previously present " + std::string(noun(*o.entity)) + " " + q(o.entity->key) +
                   " was deleted from file " + q(new_file->key) + ".",
               nearest_in_file(s.new_side, *new_file, o.entity->key), o.entity->loc, fix);
  }
}

// PACKAGE-category deletions: full names gone from a package that still exists. Unlike buf,
// a package that lost *every* message (or enum, extension) still reports them.
void deleted_in_package(const Sides& s, RuleId rule, std::string_view kind,
                        const std::string& fix) {
  const auto& new_packages = s.new_side.packages();
  for (const Placed& o : s.old_side.all(kind)) {
    const std::string package(o.file->str(n::kPackage));
    if (!new_packages.contains(package)) continue;  // PACKAGE_NO_DELETE covers it
    const Placed* found = s.new_side.by_full_name(o.entity->name);
    if (found != nullptr && found->entity->kind == kind) continue;
    // Located in the file that held it, on the nearest enclosing type still there.
    const Entity* same_file = s.new_side.file(o.file->key);
    const SourceRef at = same_file == nullptr
                             ? SourceRef{}
                             : nearest_by_full_name(s.new_side, o.entity->name, same_file->loc);
    s.out.emit(rule, o.entity->name,
               "Previously present " + std::string(noun(*o.entity)) + " " + q(o.entity->key) +
                   " was deleted from package " + q(package) + ".",
               at, o.entity->loc, fix);
  }
}

}  // namespace

void check_MESSAGE_NO_DELETE(const Sides& s) {
  deleted_in_file(
      s, rules::protobuf::MESSAGE_NO_DELETE, n::kMessage,
      "Keep the message and mark it `option deprecated = true;` instead of deleting it.");
}
void check_ENUM_NO_DELETE(const Sides& s) {
  deleted_in_file(s, rules::protobuf::ENUM_NO_DELETE, n::kEnum,
                  "Keep the enum and mark it `option deprecated = true;` instead of deleting it.");
}
void check_SERVICE_NO_DELETE(const Sides& s) {
  deleted_in_file(
      s, rules::protobuf::SERVICE_NO_DELETE, n::kService,
      "Keep the service and mark it `option deprecated = true;` until no client calls it.");
}
void check_EXTENSION_NO_DELETE(const Sides& s) {
  deleted_in_file(s, rules::protobuf::EXTENSION_NO_DELETE, n::kExtension,
                  "Keep the extension and mark it `[deprecated = true]` instead of deleting it.");
}
void check_PACKAGE_MESSAGE_NO_DELETE(const Sides& s) {
  deleted_in_package(s, rules::protobuf::PACKAGE_MESSAGE_NO_DELETE, n::kMessage,
                     "Keep the message in its package (moving it to another file of the package is "
                     "fine) and deprecate it instead of deleting it.");
}
void check_PACKAGE_ENUM_NO_DELETE(const Sides& s) {
  deleted_in_package(s, rules::protobuf::PACKAGE_ENUM_NO_DELETE, n::kEnum,
                     "Keep the enum in its package and deprecate it instead of deleting it.");
}
void check_PACKAGE_SERVICE_NO_DELETE(const Sides& s) {
  deleted_in_package(s, rules::protobuf::PACKAGE_SERVICE_NO_DELETE, n::kService,
                     "Keep the service in its package and deprecate it until no client calls it.");
}
void check_PACKAGE_EXTENSION_NO_DELETE(const Sides& s) {
  deleted_in_package(s, rules::protobuf::PACKAGE_EXTENSION_NO_DELETE, n::kExtension,
                     "Keep the extension in its package and deprecate it instead of deleting it.");
}

void check_PACKAGE_NO_DELETE(const Sides& s) {
  for (const auto& [package, files] : s.old_side.packages()) {
    if (s.new_side.packages().contains(package)) continue;
    std::set<std::string_view> gone;
    for (const Entity* f : files) gone.insert(f->key);
    s.out.emit(rules::protobuf::PACKAGE_NO_DELETE, package,
               "Previously present package " + q(package) + " was deleted.",
               importer_in_new(s, gone), files.front()->loc,
               "Keep package " + package +
                   " alongside its successor until every consumer has "
                   "moved; publish the new version (e.g. a .v2 package) next to it.");
  }
}

void check_RPC_NO_DELETE(const Sides& s) {
  for_each_pair(s, n::kService, [&](const Placed& o, const Placed& nw) {
    for (const EntityPair& p : align(o.entity->children, nw.entity->children, n::kRpc)) {
      if (p.old_entity == nullptr || p.new_entity != nullptr) continue;
      const Entity* rpc = p.old_entity;
      s.out.emit(rules::protobuf::RPC_NO_DELETE, rpc->name,
                 "Previously present RPC " + q(rpc->key) + " on service " + q(o.entity->name) +
                     " was deleted.",
                 nw.entity->loc, rpc->loc,
                 "Keep RPC " + rpc->key +
                     " and mark it `option deprecated = true;` until no "
                     "client calls it.");
    }
  });
}

void check_ONEOF_NO_DELETE(const Sides& s) {
  for_each_pair(s, n::kMessage, [&](const Placed& o, const Placed& nw) {
    for (const EntityPair& p : align(o.entity->children, nw.entity->children, n::kOneof)) {
      const Entity* oneof = p.old_entity;
      // Synthetic oneofs (proto3 `optional`) are presence, not API: cardinality rules cover them.
      if (oneof == nullptr || oneof->flag(n::kSynthetic)) continue;
      if (p.new_entity != nullptr && !p.new_entity->flag(n::kSynthetic)) continue;
      s.out.emit(rules::protobuf::ONEOF_NO_DELETE, oneof->name,
                 "Previously present oneof " + q(oneof->key) + " on message " + q(o.entity->name) +
                     " was deleted.",
                 nw.entity->loc, oneof->loc,
                 "Keep oneof " + oneof->key + " with its members; deprecate the members instead.");
    }
  });
}

namespace {

enum class Unless { nothing, name, number };

void deleted_fields(const Sides& s, RuleId rule, Unless unless) {
  for_each_pair(s, n::kMessage, [&](const Placed& o, const Placed& nw) {
    const NumberRanges reserved = collapsed(*nw.entity, n::kReservedRange);
    const auto reserved_name_set = reserved_names(*nw.entity);
    for (const EntityPair& p : align(o.entity->children, nw.entity->children, n::kField)) {
      if (p.old_entity == nullptr || p.new_entity != nullptr) continue;
      const Entity* f = p.old_entity;
      const int64_t number = f->num(n::kNumber);
      const std::string name(f->str("name"));
      if (unless == Unless::name && reserved_name_set.contains(name)) continue;
      if (unless == Unless::number && reserved.covers(number)) continue;
      std::string fix =
          "Keep the field and mark it `[deprecated = true]`; to remove it, add `reserved " +
          std::to_string(number) + ";` and `reserved \"" + name + "\";` to message " +
          o.entity->key + ".";
      if (unless == Unless::name) {
        fix = "Add `reserved \"" + name + "\";` to message " + o.entity->key +
              " so JSON readers never see the name reused.";
      } else if (unless == Unless::number) {
        fix = "Add `reserved " + std::to_string(number) + ";` to message " + o.entity->key +
              " so the number can never be reused with another type.";
      }
      std::string why = unless == Unless::name     ? " without reserving its name."
                        : unless == Unless::number ? " without reserving its number."
                                                   : ".";
      s.out.emit(rule, o.entity->name + "." + name,
                 "Previously present field " + std::to_string(number) + " " + q(name) +
                     " on message " + q(o.entity->name) + " was deleted" + why,
                 nw.entity->loc, f->loc, fix);
    }
  });
}

void deleted_enum_values(const Sides& s, RuleId rule, Unless unless) {
  for_each_pair(s, n::kEnum, [&](const Placed& o, const Placed& nw) {
    std::set<int64_t> kept;
    for (const Entity* v : children_of(*nw.entity, n::kEnumValue)) kept.insert(v->num(n::kNumber));
    const NumberRanges reserved = collapsed(*nw.entity, n::kReservedRange);
    const auto reserved_name_set = reserved_names(*nw.entity);
    std::set<int64_t> reported;
    for (const Entity* v : children_of(*o.entity, n::kEnumValue)) {
      const int64_t number = v->num(n::kNumber);
      if (kept.contains(number) || !reported.insert(number).second) continue;
      if (unless == Unless::name) {
        // Every name the number had must be reserved.
        bool all_reserved = true;
        for (const Entity* alias : children_of(*o.entity, n::kEnumValue)) {
          if (alias->num(n::kNumber) == number)
            all_reserved = all_reserved && reserved_name_set.contains(alias->key);
        }
        if (all_reserved) continue;
      }
      if (unless == Unless::number && reserved.covers(number)) continue;
      std::string fix =
          "Keep the value and mark it `[deprecated = true]`; to remove it, add `reserved " +
          std::to_string(number) + ";` and `reserved \"" + v->key + "\";` to enum " +
          o.entity->key + ".";
      if (unless == Unless::name) {
        fix = "Add `reserved \"" + v->key + "\";` to enum " + o.entity->key +
              " so JSON readers never see the name reused.";
      } else if (unless == Unless::number) {
        fix = "Add `reserved " + std::to_string(number) + ";` to enum " + o.entity->key +
              " so the number can never be reused.";
      }
      std::string why = unless == Unless::name     ? " without reserving its name."
                        : unless == Unless::number ? " without reserving its number."
                                                   : ".";
      s.out.emit(rule, o.entity->name + "." + v->key,
                 "Previously present enum value " + std::to_string(number) + " " + q(v->key) +
                     " on enum " + q(o.entity->name) + " was deleted" + why,
                 nw.entity->loc, v->loc, fix);
    }
  });
}

}  // namespace

void check_FIELD_NO_DELETE(const Sides& s) {
  deleted_fields(s, rules::protobuf::FIELD_NO_DELETE, Unless::nothing);
}
void check_FIELD_NO_DELETE_UNLESS_NAME_RESERVED(const Sides& s) {
  deleted_fields(s, rules::protobuf::FIELD_NO_DELETE_UNLESS_NAME_RESERVED, Unless::name);
}
void check_FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED(const Sides& s) {
  deleted_fields(s, rules::protobuf::FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED, Unless::number);
}
void check_ENUM_VALUE_NO_DELETE(const Sides& s) {
  deleted_enum_values(s, rules::protobuf::ENUM_VALUE_NO_DELETE, Unless::nothing);
}
void check_ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED(const Sides& s) {
  deleted_enum_values(s, rules::protobuf::ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED, Unless::name);
}
void check_ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED(const Sides& s) {
  deleted_enum_values(s, rules::protobuf::ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED, Unless::number);
}

}  // namespace breakwater::protobuf
