#include "formats/protobuf/load.hpp"

#include "core/c_like_text.hpp"
#include "core/engine.hpp"
#include "core/lines.hpp"
#include "core/parallel.hpp"
#include "core/paths.hpp"
#include "core/read_input.hpp"
#include "core/trace.hpp"
#include "formats/protobuf/editions.hpp"
#include "formats/protobuf/newer_descriptor.hpp"
#include "formats/protobuf/source_locations.hpp"
#include "formats/protobuf/to_model.hpp"

#include <google/protobuf/compiler/parser.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <algorithm>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>

#ifndef BREAKWATER_PROTO_SYSTEM_INCLUDE
#define BREAKWATER_PROTO_SYSTEM_INCLUDE "/usr/include"
#endif

namespace breakwater::protobuf {
namespace fs = std::filesystem;
namespace gp = google::protobuf;

namespace {

// One file on its way from bytes to descriptors. Heap-allocated and never moved: the location
// table keys on addresses inside `proto`.
struct Unit {
  std::string name;       // import name, '/'-separated, relative to its root
  std::string disk_path;  // empty when it came from a descriptor set or the built-in pool
  std::string display;    // the path shown to users
  bool target = false;    // checked (true) or only imported (false)
  std::unique_ptr<gp::FileDescriptorProto> proto = std::make_unique<gp::FileDescriptorProto>();
  std::string origin;  // the descriptor set it came from, if any (named in errors)
  std::string edition;  // "2023" for an editions file (built with proto2's rules), else ""
  std::unique_ptr<gp::compiler::SourceLocationTable> table;  // only when locating a link error
  SpanIndex spans;  // declaration positions, taken before linking so the pool keeps no source info
};

// Moves the positions out of the descriptor: the pool would otherwise copy all of them.
void take_positions(Unit& unit, const ColumnMapper& columns) {
  unit.spans = SpanIndex(*unit.proto, unit.proto->source_code_info(), columns);
  unit.proto->clear_source_code_info();
}
using Units = std::vector<std::unique_ptr<Unit>>;

std::string display_path(const fs::path& root, const std::string& relative) {
  fs::path p = (root / relative).lexically_normal();
  if (p.is_absolute()) {
    std::error_code ec;
    fs::path rel = p.lexically_relative(fs::current_path(ec));
    if (!ec && !rel.empty() && *rel.begin() != "..") p = rel;
  }
  return p.generic_string();
}

std::string read_bytes(const fs::path& path, const std::string& display) {
  return detail::read_input(path, display);
}

class ParseErrors : public gp::io::ErrorCollector {
 public:
  ParseErrors(std::string display, const ColumnMapper& columns)
      : display_(std::move(display)), columns_(columns) {}
  void AddError(int line, gp::io::ColumnNumber column, const std::string& message) override {
    if (!first_) first_ = InputError(located(line, column), message);
    ++count_;
  }
  void AddWarning(int, gp::io::ColumnNumber, const std::string&) override {}
  // Some parser errors (e.g. the nesting limit) carry no position: use where parsing stopped.
  void place_unlocated(int line, int column) {
    if (first_ && first_->where().line == 0)
      first_ = InputError(located(line, column), first_->what());
  }
  void throw_if_any() const {
    if (!first_) return;
    if (count_ == 1) throw *first_;
    throw InputError(first_->where(), std::string(first_->what()) + " (and " +
                                          std::to_string(count_ - 1) + " more errors)");
  }

 private:
  Location located(int line, int column) const {
    if (line < 0) return Location{display_, 0, 0};
    return Location{display_, static_cast<uint32_t>(line + 1), columns_.column(line, column)};
  }
  std::string display_;
  const ColumnMapper& columns_;
  std::optional<InputError> first_;
  int count_ = 0;
};

// Parses one file. The table of element positions that link errors need is heavy, so it is
// only recorded when asked for (a second parse after a link error).
// libprotobuf's parser recurses once per nested message, block or option value, and a file
// nested 30,000 deep overflows the stack (10,000 deep takes 2 GB first). Real schemas nest a
// handful of levels: deeper nesting is refused before the parser sees it.
constexpr int kMaxNesting = 100;

void refuse_deep_nesting(const std::string& text, const Unit& unit) {
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (const size_t end = detail::skip_comment_or_literal(text, i); end != i) {
      i = end;
      continue;
    }
    const char c = text[i];
    if (c == '{' || c == '[' || c == '(' || c == '<') {
      if (++depth > kMaxNesting) {
        const auto [line, column] = Lines(text).at(i);
        throw InputError(Location{unit.display, line, column},
                         "nested deeper than " + std::to_string(kMaxNesting) + " levels; refused");
      }
    } else if (c == '}' || c == ']' || c == ')' || c == '>') {
      --depth;
    }
  }
}

// An editions file is read as the grammar editions keep and built with proto2's rules; its
// features are resolved when it is modelled (editions.hpp).
void accept_edition(Unit& unit, const std::string& edition, Location where) {
  if (!supported_edition(edition)) {
    throw InputError(where, "edition \"" + edition +
                                "\" is not supported: this build compares editions " +
                                std::string(kSupportedEditions) + " and proto2/proto3");
  }
  unit.edition = edition;
}

void parse_unit(Unit& unit, bool with_error_table = false) {
  std::string text = read_bytes(unit.disk_path, unit.display);
  if (const auto statement = edition_statement(text)) {
    const auto [line, column] = Lines(text).at(statement->begin);
    accept_edition(unit, statement->edition, Location{unit.display, line, column});
    text = as_parseable(std::move(text), *statement);
  }
  if (text.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    throw InputError(Location{unit.display, 0, 0},
                     "file too large for the protobuf parser (2 GiB)");
  }
  refuse_deep_nesting(text, unit);
  const ColumnMapper columns(text);
  ParseErrors errors(unit.display, columns);
  gp::io::ArrayInputStream input(text.data(), static_cast<int>(text.size()));
  gp::io::Tokenizer tokenizer(&input, &errors);
  gp::compiler::Parser parser;
  parser.RecordErrorsTo(&errors);
  unit.proto->set_name(unit.name);
  if (with_error_table) {
    unit.table = std::make_unique<gp::compiler::SourceLocationTable>();
    parser.RecordSourceLocationsTo(unit.table.get());
  }
  const bool ok = parser.Parse(&tokenizer, unit.proto.get());
  errors.place_unlocated(tokenizer.current().line, tokenizer.current().column);
  errors.throw_if_any();
  if (!ok) throw InputError(Location{unit.display, 0, 0}, "cannot parse file");
  unit.proto->set_name(unit.name);
  if (!unit.edition.empty()) unit.proto->set_syntax("proto2");
  take_positions(unit, columns);
}

bool is_safe_import(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string::npos) return false;
  for (const auto& part : fs::path(name)) {
    if (part == "..") return false;
  }
  return true;
}

Location import_location(const Unit& importer, const std::string& dependency) {
  constexpr int kDependency = 3;  // FileDescriptorProto.dependency
  const auto& deps = importer.proto->dependency();
  for (int i = 0; i < deps.size(); ++i) {
    if (deps[i] != dependency) continue;
    const Span at = importer.spans.at({kDependency, i});
    if (at.line > 0) return Location{importer.display, at.line, at.column};
  }
  return Location{importer.display, 0, 0};
}

// The search path for imports that are not inputs themselves: import roots, -I, the system's
// well-known types. As a last resort the well-known types compiled into libprotobuf are used.
class ImportResolver {
 public:
  ImportResolver(std::vector<fs::path> roots) : roots_(std::move(roots)) {}

  std::unique_ptr<Unit> find(const std::string& name) const {
    for (const fs::path& root : roots_) {
      // The system's descriptor.proto is 3.21's: ours below has the options added since.
      if (name == kDescriptorProtoName && root == BREAKWATER_PROTO_SYSTEM_INCLUDE) continue;
      std::error_code ec;
      if (fs::is_regular_file(root / name, ec)) {
        if (fs::is_symlink(root / name, ec)) {
          const fs::path rel = fs::weakly_canonical(root / name, ec)
                                   .lexically_relative(fs::weakly_canonical(root, ec));
          if (ec || rel.empty() || *rel.begin() == "..") {
            throw InputError(Location{display_path(root, name), 0, 0},
                             "symbolic link points outside its import root; refusing to read it");
          }
        }
        auto unit = std::make_unique<Unit>();
        unit->name = name;
        unit->disk_path = (root / name).string();
        unit->display = display_path(root, name);
        return unit;
      }
    }
    if (const gp::FileDescriptorProto* features = language_features_proto(name)) {
      auto unit = std::make_unique<Unit>();
      unit->name = unit->display = name;
      *unit->proto = *features;
      return unit;
    }
    if (name == kDescriptorProtoName) {  // with the options and types added after 3.21
      auto unit = std::make_unique<Unit>();
      unit->name = unit->display = name;
      *unit->proto = newer_descriptor_proto();
      return unit;
    }
    if (const gp::FileDescriptor* builtin =
            gp::DescriptorPool::generated_pool()->FindFileByName(name)) {
      auto unit = std::make_unique<Unit>();
      unit->name = name;
      unit->display = name;
      builtin->CopyTo(unit->proto.get());
      return unit;
    }
    return nullptr;
  }

 private:
  std::vector<fs::path> roots_;
};

// For an import not found: the folder above the input that holds it, named as the user would
// pass it to -I (repository-relative on a git side), or "" when none does. Looks no higher than
// the repository (`boundary`), so a hostile import name learns nothing about the machine.
std::string import_root_hint(const fs::path& input, const LoadOptions& options,
                             const std::string& import) {
  if (options.link_boundary.empty()) return {};
  std::error_code ec;
  const fs::path boundary = fs::absolute(options.link_boundary, ec).lexically_normal();
  fs::path dir = fs::absolute(input, ec).lexically_normal();
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  // A commit's copy holds only the input; the working tree shows where the rest lives.
  const bool commit = !options.side_root.empty() && !options.workdir.empty() &&
                      detail::inside(dir, options.side_root);
  while (detail::inside(dir, boundary) && dir != boundary) {
    dir = dir.parent_path();
    if (commit) {
      const std::string rel = detail::relative_to(dir, options.side_root);
      if (fs::is_regular_file(dir / import, ec) ||
          fs::is_regular_file(fs::path(options.workdir) / rel / import, ec))
        return rel;
    } else if (fs::is_regular_file(dir / import, ec)) {
      return detail::shown_path(dir);
    }
  }
  return {};
}

// Adds every transitive import of `units` (parsing new ones in parallel, round by round).
// `hint(import)` names the import root that would find a missing import.
void resolve_imports(Units& units, const ImportResolver& resolver, unsigned jobs,
                     const std::function<std::string(const std::string&)>& hint) {
  std::map<std::string, size_t, std::less<>> index;
  for (size_t i = 0; i < units.size(); ++i) index.emplace(units[i]->name, i);
  size_t scanned = 0;
  while (scanned < units.size()) {
    const size_t batch_begin = units.size();
    for (; scanned < batch_begin; ++scanned) {
      const Unit& unit = *units[scanned];
      for (const std::string& dep : unit.proto->dependency()) {
        if (index.contains(dep)) continue;
        if (!is_safe_import(dep)) {
          throw InputError(
              import_location(unit, dep),
              "import \"" + dep + "\" must be a relative path inside the import roots");
        }
        std::unique_ptr<Unit> found = resolver.find(dep);
        if (!found) {
          std::string message =
              "import \"" + dep + "\" not found in the input or its import paths (-I)";
          if (const std::string root = hint(dep); !root.empty()) {
            message += "; it is under " + root + ": add -I " + root + ", or compare " + root +
                       " itself";
          }
          throw InputError(import_location(unit, dep), message);
        }
        index.emplace(dep, units.size());
        units.push_back(std::move(found));
      }
    }
    detail::parallel_for(units.size() - batch_begin, jobs, [&](size_t i) {
      Unit& unit = *units[batch_begin + i];
      if (!unit.disk_path.empty()) parse_unit(unit);
    });
  }
}

// Dependencies before dependents; an import cycle is reported at the import that closes it.
std::vector<Unit*> link_order(const Units& units) {
  std::map<std::string, Unit*, std::less<>> by_name;
  for (const auto& u : units) by_name.emplace(u->name, u.get());
  std::map<const Unit*, int> state;  // 1 = on the path being explored, 2 = done
  std::vector<Unit*> order;
  // Depth-first with an explicit stack (a long import chain must not exhaust the call stack):
  // each frame is a file and the index of the next import to follow.
  std::vector<std::pair<Unit*, int>> path;
  for (const auto& root : units) {
    if (state[root.get()] != 0) continue;
    state[root.get()] = 1;
    path.emplace_back(root.get(), 0);
    while (!path.empty()) {
      auto& [unit, next_dep] = path.back();
      const auto& deps = unit->proto->dependency();
      if (next_dep == deps.size()) {
        state[unit] = 2;
        order.push_back(unit);
        path.pop_back();
        continue;
      }
      const std::string& dep = deps[next_dep++];
      auto it = by_name.find(dep);
      if (it == by_name.end()) {
        throw InputError(import_location(*unit, dep),
                         "import \"" + dep + "\" is missing from the input");
      }
      Unit* next = it->second;
      if (state[next] == 1) {
        std::string cycle;
        auto from =
            std::find_if(path.begin(), path.end(), [&](const auto& f) { return f.first == next; });
        for (auto f = from; f != path.end(); ++f) cycle += f->first->name + " -> ";
        throw InputError(import_location(*unit, dep), "import cycle: " + cycle + next->name);
      }
      if (state[next] == 0) {
        state[next] = 1;
        path.emplace_back(next, 0);  // invalidates `unit`/`next_dep`; not used after this
      }
    }
  }
  return order;
}

// libprotobuf sends every unknown option to an import; a built-in one (no parentheses) cannot
// come from one: it is misspelt, or newer than the options this build knows.
std::string clearer(const std::string& message) {
  constexpr std::string_view prefix = "Option \"";
  constexpr std::string_view suffix = "\" unknown. Ensure that your proto definition file imports";
  const size_t end = message.find(suffix);
  if (!message.starts_with(prefix) || end == std::string::npos) return message;
  const std::string name = message.substr(prefix.size(), end - prefix.size());
  if (name.starts_with("(")) return message;
  return "option \"" + name +
         "\" is not a built-in option (descriptor.proto as of protobuf 30 has no such field; "
         "check its spelling); a custom option is written in parentheses, \"(package.name)\", "
         "with the file that extends the options message imported";
}

class LinkErrors : public gp::DescriptorPool::ErrorCollector {
 public:
  explicit LinkErrors(const Unit& unit) : unit_(unit) {}
  void AddError(const std::string&, const std::string&, const gp::Message* descriptor,
                ErrorLocation location, const std::string& libprotobuf_message) override {
    if (first_) return;
    const std::string message = clearer(libprotobuf_message);
    int line = -1, column = 0;
    if (unit_.table && !unit_.table->Find(descriptor, location, &line, &column)) {
      // Not every error kind is recorded per element; the element's name always is.
      unit_.table->Find(descriptor, NAME, &line, &column);
    }
    if (!unit_.origin.empty()) {  // no source text to point into: name the set and the file
      first_ = InputError(Location{unit_.origin, 1, 1}, unit_.display + ": " + message);
      return;
    }
    Location where{unit_.display, 0, 0};
    if (line >= 0) {
      where.line = static_cast<uint32_t>(line + 1);
      const std::string text =
          unit_.disk_path.empty() ? "" : read_bytes(unit_.disk_path, unit_.display);
      where.column = ColumnMapper(text).column(line, column);
    }
    first_ = InputError(where, message);
  }
  void throw_if_any() const {
    if (first_) throw *first_;
  }

 private:
  const Unit& unit_;
  std::optional<InputError> first_;
};

void link(const Units& units, gp::DescriptorPool& pool) {
  // Built-in options (`[debug_redact = true]`) are looked up in the pool's own
  // descriptor.proto when it has one, whether or not the file imports it: so it goes first, the
  // input's own copy if it has one, else ours with the options added after 3.21.
  std::vector<Unit*> order = link_order(units);
  const auto own = std::find_if(order.begin(), order.end(), [](const Unit* u) {
    return u->name == kDescriptorProtoName && u->proto->dependency_size() == 0;
  });
  if (own != order.end()) {
    std::rotate(order.begin(), own, own + 1);
  } else if (!std::any_of(order.begin(), order.end(),
                          [](const Unit* u) { return u->name == kDescriptorProtoName; })) {
    pool.BuildFile(newer_descriptor_proto());
  }
  for (Unit* unit : order) {
    LinkErrors errors(*unit);
    const gp::FileDescriptor* built = pool.BuildFileCollectingErrors(*unit->proto, &errors);
    if (built == nullptr && !unit->disk_path.empty()) {
      // Parse again, this time recording element positions, and build again (a failed build
      // leaves the pool unchanged) so that the error can be located.
      Unit again;
      again.name = unit->name;
      again.disk_path = unit->disk_path;
      again.display = unit->display;
      parse_unit(again, true);
      LinkErrors located(again);
      pool.BuildFileCollectingErrors(*again.proto, &located);
      located.throw_if_any();
    }
    errors.throw_if_any();
    if (built == nullptr) throw InputError(Location{unit->display, 0, 0}, "cannot link file");
    unit->proto.reset();  // the pool holds its own copy now
  }
}

bool has_extension(const fs::path& p, std::initializer_list<const char*> exts) {
  const std::string e = p.extension().string();
  return std::any_of(exts.begin(), exts.end(), [&](const char* x) { return e == x; });
}

bool parse_descriptor_set(const std::string& bytes, gp::FileDescriptorSet& set) {
  if (!set.ParseFromString(bytes) || set.file_size() == 0) return false;
  return std::all_of(set.file().begin(), set.file().end(),
                     [](const gp::FileDescriptorProto& f) { return !f.name().empty(); });
}

Units units_from_descriptor_set(const std::string& path, const ImportResolver& resolver) {
  gp::FileDescriptorSet set;
  if (!parse_descriptor_set(read_bytes(path, path), set)) {
    throw InputError(Location{path, 1, 1},
                     "not a .proto file and not a valid FileDescriptorSet (truncated or corrupt?)");
  }
  Units units;
  std::map<std::string, bool, std::less<>> seen;
  for (auto& file : *set.mutable_file()) {
    if (!seen.emplace(file.name(), true).second) {
      throw InputError(Location{path, 1, 1}, "descriptor set holds \"" + file.name() + "\" twice");
    }
    auto unit = std::make_unique<Unit>();
    unit->name = file.name();
    unit->display = file.name();
    unit->origin = path;
    unit->target = true;
    if (file.syntax() == "editions") {  // written by a compiler newer than 3.21
      accept_edition(*unit, edition_of(file), Location{path, 1, 1});
      file.set_syntax("proto2");
    }
    unit->proto->Swap(&file);
    take_positions(*unit, ColumnMapper({}));
    units.push_back(std::move(unit));
  }
  // A set built with --include_imports also carries the well-known types it imports; like the
  // imports of a directory input, they are context, not part of what is checked.
  for (auto& u : units) {
    if (!u->name.starts_with("google/protobuf/")) continue;
    for (const auto& other : units) {
      for (const std::string& dep : other->proto->dependency()) {
        if (dep == u->name) u->target = false;
      }
    }
  }
  // Only the well-known types may be missing (a set built without --include_imports).
  for (size_t i = 0; i < units.size(); ++i) {
    for (const std::string& dep : units[i]->proto->dependency()) {
      if (seen.contains(dep)) continue;
      std::unique_ptr<Unit> found =
          dep.starts_with("google/protobuf/") ? resolver.find(dep) : nullptr;
      if (!found) {
        throw InputError(Location{path, 1, 1}, "descriptor set lacks \"" + dep +
                                                   "\", imported by \"" + units[i]->name +
                                                   "\" (build it with --include_imports)");
      }
      if (!found->disk_path.empty()) parse_unit(*found);
      seen.emplace(dep, true);
      units.push_back(std::move(found));
    }
  }
  return units;
}

// Every .proto below `root` (hidden directories skipped), as '/'-separated relative names.
// A directory that cannot be read is an error, not a silent gap: on the OLD side its files
// would vanish from the comparison, on the NEW side they would all look deleted.
// `first_only` stops at the first match (for format detection). Files inside `skip` (import
// roots nested in the input) are left out: they are found through their own root when imported.
std::vector<std::string> proto_files_under(const fs::path& root, bool first_only = false,
                                           const std::vector<fs::path>& skip = {},
                                           const LoadOptions* options = nullptr) {
  std::vector<std::string> names;
  std::error_code ec;
  auto fail = [&](const fs::path& where) {
    throw InputError(Location{where.generic_string(), 0, 0}, "cannot read: " + ec.message());
  };
  const fs::path real_root = fs::weakly_canonical(
      options != nullptr && !options->link_boundary.empty() ? fs::path(options->link_boundary)
                                                            : root,
      ec);
  fs::recursive_directory_iterator it(root, ec);
  if (ec) fail(root);
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) fail(it->path());
    const fs::path& p = it->path();
    const bool directory = it->is_directory(ec);
    if (ec) {
      // A dangling or looping link: fatal only if it claims to be a schema file.
      if (p.extension() == ".proto") fail(p);
      ec.clear();
      continue;
    }
    if (directory && (p.filename().string().starts_with('.') ||
                      std::find(skip.begin(), skip.end(), p.lexically_normal()) != skip.end())) {
      it.disable_recursion_pending();
      continue;
    }
    if (directory || p.extension() != ".proto" || !detail::regular_input(*it)) continue;
    if (options != nullptr && options->keep_file &&
        !options->keep_file(fs::absolute(p, ec).lexically_normal().string())) {
      continue;
    }
    // A link may name a file anywhere on this machine; inputs come from pull requests, so a
    // link that leaves the input is refused rather than read (its text could end up in errors).
    if (it->is_symlink(ec)) {
      const fs::path target = fs::weakly_canonical(p, ec);
      const fs::path rel = target.lexically_relative(real_root);
      if (ec || rel.empty() || *rel.begin() == "..") {
        throw InputError(Location{p.generic_string(), 0, 0},
                         "symbolic link points outside the input (or repository); refusing to "
                         "read it");
      }
    }
    names.push_back(p.lexically_relative(root).generic_string());
    if (first_only) break;
  }
  if (ec) fail(root);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

bool claims(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return !proto_files_under(path, true).empty();
  if (!fs::is_regular_file(path, ec)) return false;
  if (has_extension(path, {".proto", ".binpb", ".pb", ".fds", ".desc", ".protoset"})) return true;
  // A name another format owns (schema.sql, a.json, lib.h) is that format's, whatever its bytes
  // happen to parse as: a corrupt .sql file must not load as a descriptor set.
  for (const detail::FormatPlugin* f : detail::formats()) {
    if (f->name == "protobuf") continue;
    for (std::string_view e : f->extensions) {
      if (path.filename().string().ends_with(e)) return false;
    }
  }
  // Other names: sniff the content, but never read more than a descriptor set could sensibly be.
  constexpr std::uintmax_t kLargestSniff = 256u << 20;
  if (fs::file_size(path, ec) > kLargestSniff || ec) return false;
  gp::FileDescriptorSet set;
  return parse_descriptor_set(read_bytes(path, path.string()), set);
}

namespace {

Schema load_side(const std::string& path, const LoadOptions& options) {
  // libprotobuf logs advice (e.g. "No syntax specified") to stderr; findings and errors are
  // ours to report, so its log goes nowhere.
  static std::once_flag quiet;
  std::call_once(quiet, [] { gp::SetLogHandler(nullptr); });
  const fs::path input(path);
  std::error_code ec;
  if (!fs::exists(input, ec)) throw InputError(Location{path, 0, 0}, "no such file or directory");

  std::vector<fs::path> include_roots;
  for (const auto& dir : options.include_paths) {
    if (!fs::is_directory(dir, ec)) throw InputError(Location{dir, 0, 0}, "-I: not a directory");
    include_roots.emplace_back(dir);
  }
  Units units;
  std::vector<fs::path> search;
  if (fs::is_directory(input, ec)) {
    // An -I root inside the input holds files imported under names relative to that root;
    // loading them under names relative to the input too would define every symbol twice.
    std::vector<fs::path> nested;
    const fs::path input_abs = fs::absolute(input, ec).lexically_normal();
    for (const fs::path& dir : include_roots) {
      const fs::path dir_abs = fs::absolute(dir, ec).lexically_normal();
      const fs::path rel = dir_abs.lexically_relative(input_abs);
      if (!rel.empty() && *rel.begin() != ".." && rel != ".") nested.push_back(input / rel);
    }
    for (auto& n : nested) n = n.lexically_normal();
    for (const std::string& name : proto_files_under(input, false, nested, &options)) {
      auto unit = std::make_unique<Unit>();
      unit->name = name;
      unit->disk_path = (input / name).string();
      unit->display = display_path(input, name);
      unit->target = true;
      units.push_back(std::move(unit));
    }
    if (units.empty()) throw InputError(Location{path, 0, 0}, "directory holds no .proto files");
    search.push_back(input);
  } else if (input.extension() == ".proto") {
    // Its import name is relative to the -I root that holds it, else to its own directory.
    fs::path root = input.parent_path().empty() ? fs::path(".") : input.parent_path();
    const fs::path absolute = fs::absolute(input, ec).lexically_normal();
    for (const fs::path& dir : include_roots) {
      fs::path rel = absolute.lexically_relative(fs::absolute(dir, ec).lexically_normal());
      if (!rel.empty() && *rel.begin() != "..") {
        root = dir;
        break;
      }
    }
    auto unit = std::make_unique<Unit>();
    unit->name =
        absolute.lexically_relative(fs::absolute(root, ec).lexically_normal()).generic_string();
    unit->disk_path = path;
    unit->display = display_path(root, unit->name);
    unit->target = true;
    units.push_back(std::move(unit));
    search.push_back(root);
  }
  search.insert(search.end(), include_roots.begin(), include_roots.end());
  search.emplace_back(BREAKWATER_PROTO_SYSTEM_INCLUDE);
  const ImportResolver resolver(search);

  detail::Trace trace(path);
  if (units.empty()) {
    units = units_from_descriptor_set(path, resolver);
  } else {
    detail::parallel_for(units.size(), options.jobs, [&](size_t i) { parse_unit(*units[i]); });
    resolve_imports(units, resolver, options.jobs, [&](const std::string& dep) {
      return import_root_hint(input, options, dep);
    });
  }

  trace.lap("parse");
  gp::DescriptorPool pool;
  link(units, pool);
  trace.lap("link");

  Schema schema;
  schema.format = "protobuf";
  schema.root = path;
  std::vector<Unit*> targets;
  for (auto& u : units) {
    if (u->target) targets.push_back(u.get());
  }
  std::sort(targets.begin(), targets.end(),
            [](const Unit* a, const Unit* b) { return a->name < b->name; });
  std::vector<uint32_t> ids;
  for (Unit* t : targets) ids.push_back(schema.add_file(t->display));
  schema.roots.resize(targets.size());
  detail::parallel_for(targets.size(), options.jobs, [&](size_t i) {
    const gp::FileDescriptor* file = pool.FindFileByName(targets[i]->name);
    schema.roots[i] = file_to_model(*file, targets[i]->spans, ids[i], targets[i]->edition);
    targets[i]->spans = SpanIndex();
  });
  trace.lap("model");
  return schema;
}

}  // namespace

Schema load(const std::string& path, const LoadOptions& options) {
  Schema schema = load_side(path, options);
#ifdef __GLIBC__
  // The descriptor pool and parse trees were freed on return; hand those pages back so the other
  // side's parser threads (which allocate from their own arenas) do not grow the process again.
  malloc_trim(0);
#endif
  detail::Trace(path).lap("loaded, parser state freed (RSS only)");
  return schema;
}

}  // namespace breakwater::protobuf
