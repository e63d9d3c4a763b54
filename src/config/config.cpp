#include "config/config.hpp"

#include "core/engine.hpp"
#include "core/quote.hpp"
#include "core/read_input.hpp"

#include <breakwater/check.hpp>
#include <breakwater/rules.hpp>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace breakwater::config {
namespace fs = std::filesystem;

namespace {

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const {
    const YAML::Mark m = at.Mark();
    throw InputError(
        Location{file_, static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1)},
        message);
  }

  std::string scalar(const YAML::Node& n, const std::string& key) const {
    if (!n.IsScalar()) fail(n, "'" + key + "' must be a single value");
    return n.as<std::string>();
  }

  // A list of strings; a single string is accepted as a list of one.
  std::vector<std::string> list(const YAML::Node& n, const std::string& key) const {
    std::vector<std::string> out;
    if (n.IsNull()) return out;
    if (n.IsScalar()) return {n.as<std::string>()};
    if (!n.IsSequence()) fail(n, "'" + key + "' must be a list");
    for (const auto& item : n) out.push_back(scalar(item, key));
    return out;
  }

  std::map<std::string, std::vector<std::string>> list_map(const YAML::Node& n,
                                                           const std::string& key) const {
    std::map<std::string, std::vector<std::string>> out;
    if (n.IsNull()) return out;
    if (!n.IsMap()) fail(n, "'" + key + "' must map rule ids or categories to lists of paths");
    for (const auto& kv : n) out[rule_name(kv.first, key)] = list(kv.second, key);
    return out;
  }

  // A rule id or category of any format; anything else would silently match nothing.
  std::string rule_name(const YAML::Node& n, const std::string& key) const {
    const std::string name = scalar(n, key);
    for (const RuleInfo& r : catalog()) {
      if (r.id == name ||
          std::find(r.categories.begin(), r.categories.end(), name) != r.categories.end()) {
        return name;
      }
    }
    fail(n, "'" + key + "': unknown rule or category '" + name + "' (see `breakwater rules`)");
  }

  // `strict`, or a policy some catalog entry is `quiet_under`.
  std::string policy(const YAML::Node& n, const std::string& key) const {
    const std::string v = scalar(n, key);
    std::string names = "strict";
    if (v == "strict") return v;
    std::set<std::string> named;
    for (const RuleInfo& r : catalog()) named.insert(r.quiet_under.begin(), r.quiet_under.end());
    if (named.contains(v)) return v;
    for (const std::string& p : named) names += ", " + p;
    fail(n, "'" + key + "': '" + v + "' is not one of " + names);
  }

  bool boolean(const YAML::Node& n, const std::string& key) const {
    const std::string v = scalar(n, key);
    if (v == "true") return true;
    if (v == "false") return false;
    fail(n, "'" + key + "': '" + v + "' is not one of true, false");
  }

  std::string choice(const YAML::Node& n, const std::string& key,
                     std::initializer_list<const char*> allowed) const {
    const std::string v = scalar(n, key);
    for (const char* a : allowed) {
      if (v == a) return v;
    }
    std::string names;
    for (const char* a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
    fail(n, "'" + key + "': '" + v + "' is not one of " + names);
  }

  // Reads one module-level key into `m`; false when the key is not a module key.
  bool module_key(const std::string& key, const YAML::Node& v, ModuleConfig& m) const {
    m.at[key] = {static_cast<uint32_t>(v.Mark().line + 1),
                 static_cast<uint32_t>(v.Mark().column + 1)};
    if (key == "path") {
      m.path = scalar(v, key);
    } else if (key == "lang") {
      m.lang = scalar(v, key);
    } else if (key == "use" || key == "except") {
      (key == "use" ? m.use : m.except) = list(v, key);
    } else if (key == "ignore") {
      m.ignore = list(v, key);
    } else if (key == "ignore_only") {
      m.ignore_only = list_map(v, key);
    } else if (key == "severity") {
      if (!v.IsMap()) fail(v, "'severity' must map rule ids or categories to a severity");
      for (const auto& kv : v) {
        m.severity[rule_name(kv.first, key)] =
            choice(kv.second, "severity", {"error", "warning", "info", "off"});
      }
    } else if (key == "compat") {
      m.compat = choice(v, key, {"backward", "forward", "full"});
    } else if (key == "policy") {
      m.policy = policy(v, key);
    } else if (key == "include") {
      m.include = list(v, key);
    } else if (const detail::OptionSpec* spec = detail::find_option_spec(key)) {
      m.options[key] = format_option(*spec, v);
    } else {
      return false;
    }
    return true;
  }

  // A key a format declares, read by its shape; path values must stay inside the config's
  // directory (the config comes with the change under review).
  OptionValue format_option(const detail::OptionSpec& spec, const YAML::Node& v) const {
    const std::string key(spec.key);
    OptionValue out;
    out.at = at(v);
    auto add = [&](const YAML::Node& value, const YAML::Node* key_node) {
      OptionItem item;
      item.value = scalar(value, key);
      item.at = at(value);
      if (key_node != nullptr) {
        item.key = scalar(*key_node, key);
        item.key_at = at(*key_node);
      }
      if (spec.paths != detail::OptionPaths::none) {
        const fs::path p = fs::path(item.value).lexically_normal();
        if (item.value.empty() || p.is_absolute() || (!p.empty() && *p.begin() == "..")) {
          fail(value, "'" + key + "': '" + item.value +
                          "' must be a path inside the config's directory (relative, no '..')");
        }
      }
      out.items.push_back(std::move(item));
    };
    switch (spec.shape) {
      case detail::OptionShape::value:
        add(v, nullptr);
        break;
      case detail::OptionShape::list:
        if (v.IsNull()) break;
        if (v.IsScalar()) {
          add(v, nullptr);
          break;
        }
        if (!v.IsSequence()) fail(v, "'" + key + "' must be a list");
        for (const auto& item : v) add(item, nullptr);
        break;
      case detail::OptionShape::map:
        if (!v.IsMap()) {
          fail(v, "'" + key + "' must map " + std::string(spec.value_name) + " pairs");
        }
        for (const auto& kv : v) add(kv.second, &kv.first);
        break;
    }
    detail::check_choices(spec, out);
    return out;
  }

  Location at(const YAML::Node& n) const {
    return Location{file_, static_cast<uint32_t>(n.Mark().line + 1),
                    static_cast<uint32_t>(n.Mark().column + 1)};
  }

  [[noreturn]] void unknown(const YAML::Node& key_node, const std::string& key,
                            const std::string& known) const {
    fail(key_node, "unknown key '" + key + "' (known: " + known + ")");
  }

 private:
  std::string file_;
};

// Core's keys, then each format's own (from the registry).
std::string module_keys() {
  return "path, lang, use, except, ignore, ignore_only, severity, compat, policy, include; " +
         detail::format_option_keys();
}
std::string top_keys() {
  return "version, modules, baseline, fail_on, lang, use, except, ignore, ignore_only, severity, "
         "compat, policy, include; " +
         detail::format_option_keys();
}

// A key given twice in one mapping is an error: YAML forbids it, yet yaml-cpp keeps both and
// lookups take the first, so a pull request could hide a second `except:` behind the first.
void refuse_duplicate_keys(const YAML::Node& root, const std::string& path) {
  std::vector<YAML::Node> todo{root};
  while (!todo.empty()) {
    const YAML::Node node = todo.back();
    todo.pop_back();
    if (node.IsSequence()) {
      for (const YAML::Node& item : node) todo.push_back(item);
    } else if (node.IsMap()) {
      std::set<std::string> seen;
      for (const auto& kv : node) {
        if (kv.first.IsScalar() && !seen.insert(kv.first.Scalar()).second) {
          throw InputError(Location{path, static_cast<uint32_t>(kv.first.Mark().line + 1),
                                    static_cast<uint32_t>(kv.first.Mark().column + 1)},
                           "duplicate key " + detail::quoted(kv.first.Scalar(), '\''));
        }
        todo.push_back(kv.second);
      }
    }
  }
}

YAML::Node parse(const std::string& path) {
  const std::string text = detail::read_input(path, path);
  YAML::Node doc;
  try {
    doc = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw InputError(Location{path, static_cast<uint32_t>(e.mark.line + 1),
                              static_cast<uint32_t>(e.mark.column + 1)},
                     e.msg);
  }
  refuse_duplicate_keys(doc, path);
  return doc;
}

Config load_breakwater(const std::string& path, const YAML::Node& doc, const Reader& r) {
  Config c;
  bool have_version = false;
  for (const auto& kv : doc) {
    const std::string key = r.scalar(kv.first, "key");
    const YAML::Node& v = kv.second;
    if (key == "version") {
      if (r.scalar(v, key) != "1") r.fail(v, "unsupported config version (this release reads 1)");
      have_version = true;
    } else if (key == "modules") {
      if (!v.IsSequence()) r.fail(v, "'modules' must be a list of {path: ...} entries");
      for (const auto& item : v) {
        if (!item.IsMap()) r.fail(item, "a module must be a map with at least 'path'");
        ModuleConfig m;
        m.line = static_cast<uint32_t>(item.Mark().line + 1);
        for (const auto& mkv : item) {
          const std::string mkey = r.scalar(mkv.first, "key");
          if (!r.module_key(mkey, mkv.second, m)) r.unknown(mkv.first, mkey, module_keys());
        }
        if (m.path.empty()) r.fail(item, "a module needs a 'path'");
        c.modules.push_back(std::move(m));
      }
    } else if (key == "baseline") {
      c.baseline = r.scalar(v, key);
    } else if (key == "fail_on") {
      c.fail_on = r.choice(v, key, {"error", "warning", "info", "never"});
    } else if (key == "path") {
      r.unknown(kv.first, key, top_keys());  // `path` belongs to a module
    } else if (!r.module_key(key, v, c.defaults)) {
      r.unknown(kv.first, key, top_keys());
    }
  }
  if (!have_version) r.fail(doc, "missing 'version: 1' (it pins the default rule sets)");
  (void)path;
  return c;
}

// The parts of buf.yaml (v1 or v2) that say what is breaking; the rest belongs to buf.
void read_buf_breaking(const YAML::Node& breaking, const Reader& r, ModuleConfig& m,
                       std::vector<std::string>& warnings) {
  if (!breaking || breaking.IsNull()) return;
  if (!breaking.IsMap()) r.fail(breaking, "'breaking' must be a map");
  for (const auto& kv : breaking) {
    const std::string key = r.scalar(kv.first, "key");
    if (key == "use" || key == "except" || key == "ignore" || key == "ignore_only") {
      r.module_key(key, kv.second, m);
    } else if (key == "ignore_unstable_packages") {
      m.ignore_unstable_packages = r.boolean(kv.second, key);
    } else if (key == "disable_builtin") {
      // buf's switch for plugin-only rule sets: breakwater's rules are all built in.
      if (r.boolean(kv.second, key)) {
        warnings.push_back(r.at(kv.first).text() +
                           ": warning: disable_builtin has no effect: breakwater's rules are its "
                           "built-in ones, and they still run");
      }
    } else {
      r.unknown(kv.first, key,
                "use, except, ignore, ignore_only, ignore_unstable_packages, disable_builtin");
    }
  }
}

Config load_buf(const YAML::Node& doc, const Reader& r) {
  Config c;
  c.from_buf = true;
  c.defaults.lang = "proto";
  read_buf_breaking(doc["breaking"], r, c.defaults, c.warnings);
  const YAML::Node build = doc["build"];
  if (build && !build.IsMap() && !build.IsNull()) r.fail(build, "'build' must be a map");
  const YAML::Node excludes = build && build.IsMap() ? build["excludes"] : YAML::Node();
  if (excludes) {
    for (auto& p : r.list(excludes, "excludes")) c.defaults.ignore.push_back(p);
  }
  if (const YAML::Node modules = doc["modules"]) {  // v2
    if (!modules.IsSequence()) r.fail(modules, "'modules' must be a list");
    for (const auto& item : modules) {
      if (!item.IsMap()) r.fail(item, "a module must be a map with 'path'");
      ModuleConfig m;
      m.line = static_cast<uint32_t>(item.Mark().line + 1);
      m.path = item["path"] ? r.scalar(item["path"], "path") : ".";
      m.lang = "proto";
      read_buf_breaking(item["breaking"], r, m, c.warnings);
      if (item["excludes"]) m.ignore = r.list(item["excludes"], "excludes");
      c.modules.push_back(std::move(m));
    }
    // A v2 workspace resolves imports across its modules: each is an import root of the others.
    for (ModuleConfig& m : c.modules) {
      for (const ModuleConfig& other : c.modules) {
        if (&other != &m) m.include.push_back(other.path);
      }
    }
  } else {  // v1: the directory holding buf.yaml is the module
    ModuleConfig m;
    m.path = ".";
    m.lang = "proto";
    m.line = 1;
    c.modules.push_back(std::move(m));
  }
  return c;
}

}  // namespace

Config load(const std::string& path) {
  const Reader r(path);
  YAML::Node doc = parse(path);
  Config c;
  if (doc.IsNull()) {
    if (fs::path(path).filename() == "buf.yaml") {
      c = load_buf(YAML::Node(YAML::NodeType::Map), r);
    } else {
      throw InputError(Location{path, 1, 1}, "empty config file (start with 'version: 1')");
    }
  } else if (!doc.IsMap()) {
    r.fail(doc, "a config file must be a map of keys");
  } else {
    c = fs::path(path).filename() == "buf.yaml" ? load_buf(doc, r) : load_breakwater(path, doc, r);
  }
  c.file = path;
  std::error_code ec;
  c.dir = fs::absolute(fs::path(path), ec).parent_path().lexically_normal().string();
  return c;
}

std::string find(const std::string& start, const std::string& stop) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec).lexically_normal();
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  const fs::path limit = stop.empty() ? fs::path() : fs::absolute(stop, ec).lexically_normal();
  for (;;) {
    for (const char* name : {"breakwater.yaml", "buf.yaml"}) {
      if (fs::is_regular_file(dir / name, ec)) return (dir / name).string();
    }
    if (dir == limit || dir == dir.parent_path() || !dir.has_relative_path()) return {};
    // Never climb out of the limit (the repository) when one is given.
    if (!limit.empty()) {
      const fs::path rel = dir.lexically_relative(limit);
      if (rel.empty() || *rel.begin() == "..") return {};
    }
    dir = dir.parent_path();
  }
}

Location Config::where(const ModuleConfig& m, const std::string& key) const {
  auto it = m.at.find(key);
  if (it == m.at.end()) {
    it = defaults.at.find(key);
    if (it == defaults.at.end()) return Location{file, m.line, 0};
  }
  return Location{file, it->second.first, it->second.second};
}

ModuleConfig merged(const ModuleConfig& defaults, const ModuleConfig& module) {
  ModuleConfig m = module;
  if (m.lang.empty()) m.lang = defaults.lang;
  for (const auto& [k, pos] : defaults.at) m.at.emplace(k, pos);
  if (!m.use) m.use = defaults.use;
  if (!m.except) m.except = defaults.except;
  m.ignore.insert(m.ignore.begin(), defaults.ignore.begin(), defaults.ignore.end());
  for (const auto& [k, v] : defaults.ignore_only) {
    auto& into = m.ignore_only[k];
    into.insert(into.begin(), v.begin(), v.end());
  }
  for (const auto& [k, v] : defaults.severity) m.severity.emplace(k, v);
  if (m.compat.empty()) m.compat = defaults.compat;
  if (m.policy.empty()) m.policy = defaults.policy;
  if (m.include.empty()) m.include = defaults.include;
  if (!m.ignore_unstable_packages) m.ignore_unstable_packages = defaults.ignore_unstable_packages;
  for (const auto& [key, outer] : defaults.options) {
    const detail::OptionSpec* spec = detail::find_option_spec(key);
    auto inner = module.options.find(key);
    m.options[key] = detail::merge_option(
        *spec, &outer, inner == module.options.end() ? nullptr : &inner->second);
  }
  return m;
}

namespace {

std::string lang_line() {
  std::string langs = detail::lang_names();
  for (size_t at = langs.find(", "); at != std::string::npos; at = langs.find(", ", at)) {
    langs.replace(at, 2, " | ");
  }
  return "#     lang: proto                # " + langs + " (detected when omitted)\n";
}

// Each format's commented module entry, in registry order.
std::string format_starters() {
  std::string out;
  for (const detail::FormatPlugin* f : detail::formats()) out += f->starter_module;
  return out;
}

}  // namespace

std::string starter() {
  return R"(# breakwater.yaml: what `breakwater check` compares and which findings count.
# Reference: docs/config.md. Paths are relative to this file.
version: 1    # pins the default rule sets; a future version 2 will not change what 1 reports

# Settings here apply to every module; a module's own keys override them.
# fail_on: error          # error | warning | info | never (the CLI's --fail-on wins)
# baseline: .breakwater-baseline.json   # findings recorded by `breakwater baseline write`

# Without `modules:`, `breakwater check --against REF` finds contracts by extension
# (buf.yaml module roots, .proto files). With it, exactly these are checked.
# modules:
#   - path: proto                # a directory (or file) holding one module's contracts
)" + lang_line() + R"(#     use: [FILE]                # rule ids or categories (proto: FILE, PACKAGE, WIRE_JSON, WIRE)
#     except: [FIELD_SAME_JSON_NAME]
#     include: [third_party/proto]   # extra import roots
#     ignore: [proto/internal]       # findings in these paths never count
#     ignore_only:                   # ...or only for these rules / categories
#       FIELD_NO_DELETE: [proto/legacy/v1]
#     severity:                      # error | warning | info | off, per rule or category
#       FIELD_SAME_DEFAULT: warning
)" + format_starters() + R"(#
# Inline, on the NEW side: `// breakwater:ignore RULE_ID the reason` (`-- ...` in SQL) on the
# line of the finding or the comment line(s) directly above it; in JSON Schema a member
# "x-breakwater-ignore": "RULE_ID the reason". A reason is required.
)";
}

}  // namespace breakwater::config
