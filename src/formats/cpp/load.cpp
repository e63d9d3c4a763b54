// C++ headers into the common model, through libclang's C API: the inputs found, the compile
// flags chosen, one umbrella translation unit parsed, compile errors reported where the
// repository can be shown, and the walk (modeler.hpp) run over the result. Only this file and
// the other sources of this folder see clang-c.
#include "formats/cpp/load.hpp"

#include "core/big_stack.hpp"
#include "core/paths.hpp"
#include "core/quote.hpp"
#include "core/read_input.hpp"
#include "formats/cpp/call_probes.hpp"
#include "formats/cpp/clang_handles.hpp"
#include "formats/cpp/default_arguments.hpp"
#include "formats/cpp/macro_expansion.hpp"
#include "formats/cpp/compile_db.hpp"
#include "formats/cpp/constants.hpp"
#include "formats/cpp/flags.hpp"
#include "formats/cpp/include_scan.hpp"
#include "formats/cpp/modeler.hpp"

#include <algorithm>
#include <mutex>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

namespace breakwater::cpp {
namespace fs = std::filesystem;

namespace {

bool is_header(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".h" || ext == ".hh" || ext == ".hpp" || ext == ".hxx" || ext == ".h++";
}

std::vector<fs::path> headers_under(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (is_header(it->path()) && detail::regular_input(*it)) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Excluded headers are named relative to the include root, so one list fits OLD and NEW.
std::vector<fs::path> under_root(const std::vector<std::string>& paths, const fs::path& root) {
  std::vector<fs::path> out;
  for (const std::string& p : paths) out.push_back((root / p).lexically_normal());
  return out;
}

// Whether a compiler message located in `file` may be shown: the repository's own files and the
// system's headers. Any other file a header pulls in (`#include <../../etc/passwd>`) is named but
// its text, which the message could quote, is not shown.
bool showable(const fs::path& file, const fs::path& boundary) {
  for (const char* system : {"/usr/include", "/usr/local/include", "/usr/lib/gcc"}) {
    if (detail::inside_resolved(file, system)) return true;
  }
  if (detail::inside_resolved(file, boundary)) return true;
  // The compiler's own headers (/usr/lib/llvm-14/lib/clang/...).
  std::error_code ec;
  const std::string real = fs::weakly_canonical(file, ec).string();
  return !ec && real.starts_with("/usr/lib/llvm-") && real.find("/include/") != std::string::npos;
}

struct IncludeSite {
  std::string file;  // the file whose #include we want
  const fs::path* boundary;
  std::optional<Location> site;
};

[[noreturn]] void compile_error(CXTranslationUnit tu, const fs::path& root,
                                const fs::path& boundary) {
  const unsigned n = clang_getNumDiagnostics(tu);
  for (unsigned i = 0; i < n; ++i) {
    CXDiagnostic d = clang_getDiagnostic(tu, i);
    const CXDiagnosticSeverity severity = clang_getDiagnosticSeverity(d);
    if (severity < CXDiagnostic_Error) {
      clang_disposeDiagnostic(d);
      continue;
    }
    CXFile file;
    unsigned line = 0, column = 0;
    clang_getSpellingLocation(clang_getDiagnosticLocation(d), &file, &line, &column, nullptr);
    const std::string message = text(clang_getDiagnosticSpelling(d));
    const std::string name = file != nullptr ? text(clang_getFileName(file)) : "";
    clang_disposeDiagnostic(d);
    if (!name.empty() && !showable(name, boundary)) {
      // Located where the repository's headers include it.
      IncludeSite wanted{name, &boundary, std::nullopt};
      clang_getInclusions(
          tu,
          [](CXFile included, CXSourceLocation* stack, unsigned depth, CXClientData data) {
            auto& w = *static_cast<IncludeSite*>(data);
            if (w.site || text(clang_getFileName(included)) != w.file) return;
            for (unsigned k = 0; k < depth; ++k) {
              CXFile at;
              unsigned l = 0, c = 0;
              clang_getSpellingLocation(stack[k], &at, &l, &c, nullptr);
              if (at == nullptr) continue;
              const std::string includer = text(clang_getFileName(at));
              if (!showable(includer, *w.boundary)) continue;
              w.site = Location{detail::shown_path(includer), l, c};
              return;
            }
          },
          &wanted);
      throw InputError(wanted.site.value_or(Location{root.string(), 0, 0}),
                       "does not compile: an error in '" +
                           fs::path(name).lexically_normal().string() +
                           "', outside the repository (its text is not shown)");
    }
    const std::string shown = name.empty() ? root.string() : detail::shown_path(name);
    throw InputError(Location{shown, line, column}, "does not compile: " + message);
  }
  throw InputError(Location{root.string(), 0, 0}, "libclang could not parse the headers");
}

}  // namespace

bool claims(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return !headers_under(path).empty();
  return is_header(path);
}

namespace {

struct Parsed {  // members in this order: the unit is disposed of before its index
  IndexHandle index;
  TranslationUnitHandle tu;
  fs::path root;
  std::vector<fs::path> headers;  // the public headers read, as found
  IncludeGraph includes;          // what each repository header includes (include_scan.hpp)
  std::vector<std::string> args;  // the command line it was parsed with
};

// The flags to parse with: the compilation database's, then the configured ones, relative paths
// made absolute and, on a git side, paths inside the repository read from that side's copy.
std::vector<std::string> flags_for(const fs::path& root, const LoadOptions& options,
                                   const Options& own, const std::string& boundary) {
  std::vector<std::string> db_flags;
  if (!own.compile_commands.empty()) {
    const fs::path anchor = options.new_input_in_worktree.empty()
                                ? root
                                : fs::absolute(options.new_input_in_worktree).lexically_normal();
    db_flags = flags_from_compile_db(own.compile_commands, anchor);
    if (const auto refused = refused_flag(db_flags, boundary))
      throw InputError(Location{own.compile_commands, 0, 0}, *refused);
  }
  if (const auto refused = refused_flag(own.compile_flags, boundary)) {
    throw InputError(own.compile_flags_at, *refused);
  }
  const fs::path base = fs::absolute(own.compile_flags_base.empty() ? "." : own.compile_flags_base);
  std::vector<std::string> flags = std::move(db_flags);
  for (const std::string& f : map_flag_paths(own.compile_flags, [&base](const std::string& p) {
         return fs::path(p).is_absolute() ? p : (base / p).lexically_normal().string();
       })) {
    flags.push_back(f);
  }
  if (options.side_root.empty()) return flags;
  const fs::path workdir = fs::absolute(options.workdir).lexically_normal();
  return map_flag_paths(flags, [&](const std::string& p) {
    const fs::path path = fs::path(p).lexically_normal();
    if (!detail::inside(path, workdir)) return p;
    return (fs::path(options.side_root) / detail::relative_to(path, workdir))
        .lexically_normal()
        .string();
  });
}

Parsed parse_headers(const std::string& path, const LoadOptions& options, const Options& own) {
  const fs::path input(path);
  std::error_code ec;
  if (!fs::exists(input, ec)) throw InputError(Location{path, 0, 0}, "no such file or directory");
  const bool dir = fs::is_directory(input, ec);
  const fs::path parent = input.parent_path().empty() ? fs::path(".") : input.parent_path();
  const fs::path root = fs::absolute(dir ? input : parent).lexically_normal();
  const std::vector<fs::path> exclude = under_root(own.exclude, root);
  const std::string boundary =
      options.link_boundary.empty() ? root.string() : options.link_boundary;
  std::vector<fs::path> headers;
  for (const fs::path& h : dir ? headers_under(input) : std::vector<fs::path>{input}) {
    if (excluded(fs::absolute(h).lexically_normal(), exclude)) continue;
    // Each name goes into the umbrella's #include line, and each file is read.
    const std::string name = h.string();
    if (name.find_first_of("\"\\\n\r") != std::string::npos)
      throw InputError(Location{detail::shown_path(h), 0, 0},
                       "a header name with a quote, backslash or line break is not read");
    if (fs::is_symlink(h, ec) && !showable(fs::weakly_canonical(h, ec), boundary))
      throw InputError(Location{detail::shown_path(h), 0, 0},
                       "symbolic link points outside the repository; not read");
    headers.push_back(h);
  }
  const std::vector<std::string> flags = flags_for(root, options, own, boundary);
  // What the parse will open: the headers, the files -include/-imacros name, and what they
  // include through the input root, -I and the flags' include folders.
  std::vector<fs::path> include_dirs = {root}, vetted = headers;
  for (const std::string& inc : options.include_paths) {
    if (!inc.empty()) include_dirs.push_back(fs::absolute(inc));
  }
  map_flag_paths(flags, [&](const std::string& value) {
    std::error_code e;
    if (value.empty()) return value;  // fs::absolute("") throws
    const fs::path p = fs::absolute(value);
    if (fs::is_directory(p, e)) include_dirs.push_back(p);
    else if (fs::is_regular_file(p, e)) vetted.push_back(p);
    return value;
  });
  IncludeGraph includes = vet_headers(vetted, boundary, include_dirs);
  std::vector<std::string> args = {"-x", "c++", "-I" + root.string()};
  const bool has_std = std::any_of(flags.begin(), flags.end(),
                                   [](const std::string& f) { return f.starts_with("-std="); });
  if (!has_std) args.push_back("-std=c++17");
  for (const std::string& inc : options.include_paths) args.push_back("-I" + inc);
  args.insert(args.end(), flags.begin(), flags.end());
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  // One translation unit for all headers: parsing each on its own costs ~50x.
  std::string umbrella;
  for (const fs::path& h : headers) {
    umbrella += "#include \"" + fs::absolute(h).lexically_normal().string() + "\"\n";
  }
  const std::string umbrella_name = (root / kUmbrella).string();
  CXUnsavedFile unsaved{umbrella_name.c_str(), umbrella.c_str(),
                        static_cast<unsigned long>(umbrella.size())};
  IndexHandle index = [] {
    // Creating an index initialises LLVM's process-wide target registry, which is not
    // thread-safe; OLD and NEW may parse at the same time.
    static std::mutex creating;
    std::lock_guard lock(creating);
    return IndexHandle(clang_createIndex(0, 0));
  }();
  CXTranslationUnit raw = nullptr;
  const CXErrorCode code = clang_parseTranslationUnit2(
      index.get(), umbrella_name.c_str(), argv.data(), static_cast<int>(argv.size()), &unsaved, 1,
      CXTranslationUnit_SkipFunctionBodies | CXTranslationUnit_DetailedPreprocessingRecord, &raw);
  TranslationUnitHandle tu(raw);
  if (code != CXError_Success || !tu) {
    // libclang gives no diagnostic when the command line itself is bad (`-std=c++19`, an
    // unknown -x); the flags are the user's own, so they are named.
    std::string given;
    for (size_t i = 0; i < flags.size() && i < 12; ++i) {
      given += (given.empty() ? "" : " ") + detail::quoted(flags[i], '\'');
    }
    if (flags.size() > 12) given += " ... (" + std::to_string(flags.size()) + " flags)";
    throw InputError(Location{path, 0, 0},
                     "libclang could not parse the headers" +
                         (given.empty() ? std::string()
                                        : "; check the compile flags for an invalid one: " + given));
  }
  for (unsigned i = 0, n = clang_getNumDiagnostics(tu.get()); i < n; ++i) {
    CXDiagnostic d = clang_getDiagnostic(tu.get(), i);
    const bool error = clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error;
    clang_disposeDiagnostic(d);
    if (error) compile_error(tu.get(), root, boundary);
  }
  return Parsed{std::move(index), std::move(tu), root, std::move(headers), std::move(includes),
                std::move(args)};
}

}  // namespace

void parse_only(const std::string& path, const LoadOptions& options, const Options& own) {
  open_libclang();
  detail::run_on_big_stack([&] { parse_headers(path, options, own); }, size_t{1} << 30);
}

namespace {

// The headers `from` includes, directly or through others (canonical paths).
std::set<fs::path> reachable(const IncludeGraph& graph, const fs::path& from) {
  std::error_code ec;
  std::set<fs::path> seen;
  std::vector<fs::path> todo = {fs::weakly_canonical(from, ec)};
  while (!todo.empty()) {
    const fs::path at = todo.back();
    todo.pop_back();
    const auto it = graph.find(at);
    if (it == graph.end()) continue;
    for (const fs::path& next : it->second) {
      if (seen.insert(next).second) todo.push_back(next);
    }
  }
  return seen;
}

// Whether a declaration's qualified name (`demo::detail::Rep::f(int)`) passes through one of
// the internal namespaces: the scopes before its own name, not its parameter types.
bool in_internal_namespace(std::string_view key, const std::vector<std::string>& internal) {
  if (internal.empty()) return false;
  key = key.substr(0, std::min(key.find('('), key.find('<')));
  const size_t own_name = key.rfind("::");
  if (own_name == std::string_view::npos) return false;
  key = key.substr(0, own_name);
  for (size_t start = 0; start <= key.size();) {
    const size_t end = std::min(key.find("::", start), key.size());
    const std::string_view scope = key.substr(start, end - start);
    for (const std::string& name : internal) {
      const bool prefix = name.ends_with('*');
      const std::string_view stem = std::string_view(name).substr(0, name.size() - prefix);
      if (prefix ? scope.starts_with(stem) : scope == stem) return true;
    }
    start = end + 2;
  }
  return false;
}

// A list attribute's items ("a\x1fb").
std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    const size_t sep = s.find('\x1f');
    out.push_back(s.substr(0, sep));
    if (sep == std::string_view::npos) break;
    s.remove_prefix(sep + 1);
  }
  return out;
}

// Records whose calling convention hangs on instantiations of outside templates
// ("call_in_memory_unless"): clang is asked (call_probes.hpp); where it cannot answer, the
// templates' own members' guess made at the walk stays.
void settle_calling_conventions(const Parsed& parsed, const ItaniumAbi& abi, Entity& api) {
  std::set<std::string> types;
  for (const Entity& e : api.children) {
    for (std::string_view t : split_words(e.str("call_in_memory_unless"))) types.emplace(t);
  }
  if (types.empty()) return;
  // Without the input root on the include path: the probe includes headers outside it, and OLD
  // and NEW then ask with the same command line and share the answers.
  std::vector<std::string> args = parsed.args;
  std::erase(args, "-I" + parsed.root.string());
  const std::map<std::string, bool> memory = passed_in_memory_by_clang(
      parsed.index.get(), args, entry_headers(parsed.tu.get(), parsed.root, abi.template_files()),
      types);
  for (Entity& e : api.children) {
    const auto unless = split_words(e.str("call_in_memory_unless"));
    if (unless.empty()) continue;
    bool in_memory = false;
    for (std::string_view t : unless) {
      const auto it = memory.find(std::string(t));
      in_memory = in_memory || (it != memory.end() ? it->second : abi.guess(std::string(t)));
    }
    e.set("call_in_memory", in_memory);
    std::erase_if(e.attrs, [](const Attr& a) { return a.name == "call_in_memory_unless"; });
  }
}

Schema load_here(const std::string& path, const LoadOptions& options, const Options& own) {
  const Parsed parsed = parse_headers(path, options, own);
  const fs::path& root = parsed.root;
  Schema schema;
  schema.format = "cpp";
  schema.root = path;
  Entity api;
  api.kind = "api";
  api.key = ".";
  api.name = path;
  Modeler modeler(schema, root, under_root(own.exclude, root), api);
  modeler.walk(clang_getTranslationUnitCursor(parsed.tu.get()), "");
  // Macros compared by value where they are constant expressions; their spelling stays for
  // messages.
  const auto values =
      evaluate_macros(parsed.index.get(), modeler.macro_definitions(), modeler.macro_names());
  // The others (attributes, types) by what they finally stand for: `API` respelled through
  // another macro of the same body is the same macro.
  const auto expansions = expand_object_macros(modeler.macro_definitions());
  for (Entity& e : api.children) {
    if (e.kind != "macro") continue;
    const auto it = values.find(e.key);
    if (it == values.end()) {
      const auto x = expansions.find(e.key);
      if (x != expansions.end() && x->second != e.str("value")) e.set("expansion", x->second);
      continue;
    }
    if (it->second == e.str("value")) continue;
    e.set("spelling", std::string(e.str("value")));
    e.set("value", it->second);
  }
  // Before internal templates go: a public field may hold `detail::specs<>`.
  spell_default_arguments(api, class_template_defaults(api));
  std::erase_if(api.children, [&](const Entity& e) {
    return in_internal_namespace(e.key, own.internal_namespaces);
  });
  settle_calling_conventions(parsed, modeler.abi(), api);
  std::error_code canonical_error;
  const fs::path canonical_root = fs::weakly_canonical(root, canonical_error);
  // Each public header is an element of the API too: consumers include it by its path under
  // the include root, so removing it breaks them even when its declarations moved elsewhere.
  for (const fs::path& h : parsed.headers) {
    const fs::path abs = fs::absolute(h).lexically_normal();
    const std::string shown = detail::shown_path(abs);
    const auto known = std::find(schema.files.begin(), schema.files.end(), shown);
    Entity header;
    header.kind = "header";
    header.key = header.name = detail::relative_to(abs, root);
    // The public headers it includes, directly or not: a declaration moved into one of them
    // still reaches clients that include this one.
    std::string reaches;
    for (const fs::path& r : reachable(parsed.includes, abs)) {
      const fs::path inside = r.lexically_relative(canonical_root);
      if (inside.empty() || inside.begin()->string() == "..") continue;
      reaches += (reaches.empty() ? "" : "\x1f") + inside.generic_string();
    }
    if (!reaches.empty()) header.set("reaches", reaches);
    header.loc = SourceRef{known != schema.files.end()
                               ? static_cast<uint32_t>(known - schema.files.begin())
                               : schema.add_file(shown),
                           0, 0};
    api.children.push_back(std::move(header));
  }
  std::stable_sort(api.children.begin(), api.children.end(), [](const Entity& a, const Entity& b) {
    return std::tie(a.kind, a.key) < std::tie(b.kind, b.key);
  });
  schema.roots.push_back(std::move(api));
  return schema;
}

}  // namespace

Schema load(const std::string& path, const LoadOptions& options, const Options& own) {
  // libclang parses on a thread of its own with an 8 MB stack unless told not to; on this
  // thread's big stack the nesting refuse_deep_nesting allows fits (about 2 KB per level).
  static std::once_flag in_this_thread;
  std::call_once(in_this_thread, [] { setenv("LIBCLANG_NOTHREADS", "1", 1); });
  open_libclang();
  Schema schema;
  detail::run_on_big_stack([&] { schema = load_here(path, options, own); }, size_t{1} << 30);
  return schema;
}

}  // namespace breakwater::cpp
