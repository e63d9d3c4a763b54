// A run as the CLI performs it: resolve inputs (paths or git refs), decide the modules (config,
// or discovery), load and compare each, then filter: severity overrides, config ignores, inline
// suppressions, baseline. Data flows one way; every format plugs in through FormatPlugin.
#include <breakwater/check.hpp>
#include <breakwater/rules.hpp>

#include "config/config.hpp"
#include "core/baseline.hpp"
#include "core/engine.hpp"
#include "core/filters.hpp"
#include "core/paths.hpp"
#include "core/read_input.hpp"
#include "core/suppressions.hpp"
#include "core/trace.hpp"
#include "git/snapshot.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

namespace breakwater {
namespace fs = std::filesystem;

namespace {

using detail::inside;
using detail::relative_to;
fs::path absolute(const std::string& p) {
  return detail::absolute_path(p);
}

struct GitSpec {
  std::string ref;
  std::optional<std::string> path;  // repository-relative; none = decided by the other side
};

bool is_git(const std::string& input) {
  return input.starts_with("git:");
}

// git:REF[:PATH]. PATH is relative to the repository root, or to the current directory when it
// starts with ./ or ../ (git's own convention for REF:PATH).
GitSpec parse_git(const std::string& input, const std::string& workdir) {
  const std::string rest = input.substr(4);
  const size_t colon = rest.find(':');
  GitSpec spec{rest.substr(0, colon), std::nullopt};
  if (spec.ref.empty()) {
    throw InputError({}, "'" + input + "': expected git:REF or git:REF:PATH (e.g. git:main:proto)");
  }
  if (colon != std::string::npos) {
    std::string path = rest.substr(colon + 1);
    if (path.starts_with("./") || path.starts_with("../") || path == "." || path == "..") {
      std::error_code ec;
      const fs::path abs = fs::absolute(path, ec).lexically_normal();
      path = abs.lexically_relative(workdir).generic_string();
    }
    spec.path = path.empty() ? "." : fs::path(path).lexically_normal().generic_string();
  }
  return spec;
}

// One side before git refs are exported: a local path, or a path inside a commit.
struct SideSpec {
  std::string disk;  // as the user named it (kept verbatim so messages show their spelling)
  std::optional<GitSpec> git;
};

// One module to compare, paths resolved against the config or the current directory.
struct Module {
  SideSpec old_side, new_side;
  std::string lang;
  std::vector<std::string> include;            // absolute, as on the NEW side
  std::map<std::string, std::string> ref_map;  // remote URI (prefix) -> absolute local path
  config::ModuleConfig settings;               // use/except/ignore... as the config spells them
  std::string origin;                          // "breakwater.yaml:12", for ignore reasons
  std::string ignore_base;                     // the directory ignore paths are relative to
  fs::path config_dir;                         // the directory include paths are relative to
  bool new_missing = false;                    // the module was deleted from the working tree
  std::string new_label, old_label;
};

class Runner {
 public:
  explicit Runner(const RunOptions& options) : opt_(options) {}

  RunResult run() {
    detail::Trace trace("run");
    decide_workdir();
    load_config();
    std::vector<Module> modules = opt_.new_input.empty() ? repository_modules() : single_module();
    trace.lap("config and modules");
    export_git(modules);
    trace.lap("git export");
    RunResult out;
    out.source_root = git_mode_ ? workdir_ : "";
    out.fail_on = cfg_ ? cfg_->fail_on : "";
    CheckResult& result = out.result;
    std::set<std::string> formats, rules;
    std::vector<Finding> all;
    for (Module& m : modules) {
      std::vector<Finding> found = check_module(m, formats, rules);
      all.insert(all.end(), std::make_move_iterator(found.begin()),
                 std::make_move_iterator(found.end()));
    }
    sort_and_dedupe(all);
    number_fingerprints(all);
    const std::string baseline = baseline_path();
    if (!baseline.empty()) {
      for (Finding& stale : detail::apply_baseline(baseline, display_of(baseline), all)) {
        if (detail::finish_finding(stale)) all.push_back(std::move(stale));
      }
      sort_and_dedupe(all);
    }
    result.formats.assign(formats.begin(), formats.end());
    result.format = result.formats.size() == 1 ? result.formats.front() : "all";
    result.rules_run.assign(rules.begin(), rules.end());
    result.findings = std::move(all);
    out.warnings = warnings_;
    result.new_input = opt_.new_input.empty() ? "." : opt_.new_input;
    result.old_input = !opt_.old_input.empty() ? opt_.old_input : "git:" + opt_.against;
    return out;
  }

 private:
  void decide_workdir() {
    git_mode_ = !opt_.against.empty() || is_git(opt_.old_input) || is_git(opt_.new_input);
    if (!git_mode_) return;
    const std::string probe =
        !opt_.new_input.empty() && !is_git(opt_.new_input) ? opt_.new_input : ".";
    std::error_code ec;
    if (!fs::exists(probe, ec))
      throw InputError(Location{probe, 0, 0}, "no such file or directory");
    workdir_ = git::workdir_of(probe);
    if (workdir_.empty()) {
      throw InputError(Location{probe, 0, 0},
                       "not inside a git working tree (needed for --against and git:REF)");
    }
  }

  void load_config() {
    std::string file = opt_.config;
    if (file.empty()) {
      // The whole repository's config sits at its root, wherever breakwater runs from.
      const std::string start = opt_.new_input.empty()   ? workdir_
                                : is_git(opt_.new_input) ? "."
                                                         : opt_.new_input;
      std::error_code ec;
      if (!fs::exists(start, ec)) return;  // the loader reports the missing input
      // Never above the repository; outside one, never above the current directory (or the
      // input's own directory when it lies elsewhere): a stray /tmp/breakwater.yaml must not
      // decide what fails.
      std::string stop = git_mode_ ? workdir_ : git::workdir_of(start);
      if (stop.empty()) {
        const fs::path abs = absolute(start);
        const fs::path cwd = absolute(".");
        stop = (abs == cwd || inside(abs, cwd))
                   ? cwd.string()
                   : (fs::is_directory(abs, ec) ? abs : abs.parent_path()).string();
      }
      file = config::find(start, stop);
      if (file.empty()) return;
      std::error_code rel_ec;
      const fs::path rel = fs::path(file).lexically_relative(fs::current_path(rel_ec));
      if (!rel_ec && !rel.empty() && *rel.begin() != "..") file = rel.generic_string();
    }
    cfg_ = config::load(file);
  }

  // The config's settings for a module at `abs` (its own entry, else the defaults).
  config::ModuleConfig settings_for(const fs::path& abs, std::string& origin) const {
    if (!cfg_) return {};
    for (const config::ModuleConfig& m : cfg_->modules) {
      const fs::path root = absolute((fs::path(cfg_->dir) / m.path).string());
      if (abs == root || inside(abs, root)) {
        origin = cfg_->file + ":" + std::to_string(m.line);
        return config::merged(cfg_->defaults, m);
      }
    }
    origin = cfg_->file;
    return cfg_->defaults;
  }

  std::string repo_relative(const std::string& disk) const {
    const fs::path abs = absolute(disk);
    if (!inside(abs, workdir_) && abs != fs::path(workdir_)) {
      throw InputError(Location{disk, 0, 0}, "is outside the git working tree " + workdir_);
    }
    return relative_to(abs, workdir_);
  }

  std::vector<Module> single_module() {
    Module m;
    if (is_git(opt_.new_input)) {
      m.new_side.git = parse_git(opt_.new_input, workdir_);
    } else {
      m.new_side.disk = opt_.new_input;
    }
    if (!opt_.old_input.empty() && !opt_.against.empty()) {
      throw InputError({}, "give OLD or --against, not both");
    }
    if (!opt_.against.empty()) {
      m.old_side.git = GitSpec{opt_.against, std::nullopt};
    } else if (is_git(opt_.old_input)) {
      m.old_side.git = parse_git(opt_.old_input, workdir_);
    } else if (opt_.old_input.empty()) {
      throw InputError({}, "nothing to compare with: give OLD NEW, or NEW --against REF");
    } else {
      m.old_side.disk = opt_.old_input;
    }
    // A git side without a path takes the other side's place in the repository.
    auto other_path = [&](const SideSpec& other) -> std::string {
      if (other.git) return other.git->path.value_or(".");
      return repo_relative(other.disk);
    };
    if (m.old_side.git && !m.old_side.git->path) m.old_side.git->path = other_path(m.new_side);
    if (m.new_side.git && !m.new_side.git->path) m.new_side.git->path = other_path(m.old_side);
    const fs::path new_abs =
        m.new_side.git ? fs::path(workdir_) / *m.new_side.git->path : absolute(m.new_side.disk);
    m.settings = settings_for(absolute(new_abs.string()), m.origin);
    m.new_label = opt_.new_input;
    m.old_label = opt_.old_input.empty() ? "git:" + opt_.against : opt_.old_input;
    finish_settings(m);
    return {std::move(m)};
  }

  // Whole-repository mode: the config's modules, else every format's discovery on both sides, so
  // that a module deleted from the working tree is still found (and its deletion reported).
  std::vector<Module> repository_modules() {
    if (opt_.against.empty()) {
      throw InputError({}, "give NEW (a path) or --against REF to check the whole repository");
    }
    if (!opt_.old_input.empty()) throw InputError({}, "give OLD NEW, or --against REF, not both");
    const git::Snapshot& base = snapshot(opt_.against, {"."});
    std::vector<Module> modules;
    std::set<std::string> seen;
    // `dir` is what the module's paths are relative to; `old_dir` the same place in the commit.
    auto add = [&](const fs::path& dir, const config::ModuleConfig& settings,
                   const std::string& origin, bool listed) {
      const fs::path abs = absolute((dir / settings.path).string());
      if (abs != fs::path(workdir_) && !inside(abs, workdir_)) {
        throw InputError(Location{origin, 0, 0},
                         "module path '" + settings.path + "' is outside the repository");
      }
      const std::string rel = relative_to(abs, workdir_);
      if (!seen.insert(rel).second) return;
      std::error_code ec;
      const bool in_new = fs::exists(abs, ec);
      const bool in_old = fs::exists(fs::path(base.root()) / rel, ec);
      if (!in_new && !in_old && listed) {
        throw InputError(Location{origin, 0, 0}, "module path '" + settings.path +
                                                     "' exists neither in the working tree nor "
                                                     "in git:" +
                                                     opt_.against);
      }
      // New in the working tree: no OLD version, nothing to break.
      if (!in_old) return;
      Module m;
      m.settings = settings;
      m.origin = origin;
      m.config_dir = dir;
      m.new_missing = !in_new;
      m.new_side.disk = rel == "." ? workdir_ : abs.string();
      m.old_side.git = GitSpec{opt_.against, rel};
      m.new_label = rel;
      m.old_label = "git:" + opt_.against + ":" + rel;
      finish_settings(m);
      modules.push_back(std::move(m));
    };
    if (cfg_ && !cfg_->modules.empty()) {
      for (const config::ModuleConfig& m : cfg_->modules) {
        add(cfg_->dir, config::merged(cfg_->defaults, m), cfg_->file + ":" + std::to_string(m.line),
            !cfg_->from_buf);
      }
      return modules;
    }
    struct Side {
      std::string root;
      std::vector<std::string> files;
    };
    const Side sides[] = {{workdir_, worktree_list()}, {base.root(), base.files()}};
    for (const detail::FormatPlugin* f : detail::formats()) {
      if (f->discover == nullptr) continue;
      for (const Side& side : sides) {
        for (const detail::DiscoveredModule& d : f->discover(side.root, side.files)) {
          config::ModuleConfig settings = cfg_ ? cfg_->defaults : config::ModuleConfig{};
          settings.lang = std::string(f->name);
          if (!d.config.empty()) {
            // A format-native config (buf.yaml) governs this module and may list several.
            const config::Config native = config::load((fs::path(side.root) / d.config).string());
            const fs::path dir = fs::path(workdir_) / fs::path(d.config).parent_path();
            for (const config::ModuleConfig& nm : native.modules) {
              config::ModuleConfig one = config::merged(native.defaults, nm);
              one.lang = std::string(f->name);
              add(dir, one, d.config, false);
            }
            continue;
          }
          settings.path = d.path;
          settings.include = d.include;
          add(workdir_, settings, cfg_ ? cfg_->file : std::string(f->name) + " discovery", false);
        }
      }
    }
    return modules;
  }

  // Turns the module's relative paths (include, ignore) into absolute ones.
  void finish_settings(Module& m) const {
    if (m.config_dir.empty()) m.config_dir = cfg_ ? fs::path(cfg_->dir) : absolute(".");
    m.lang = !opt_.options.load.lang.empty() ? opt_.options.load.lang : m.settings.lang;
    for (const std::string& inc : opt_.options.load.include_paths) {
      m.include.push_back(absolute(inc).string());
    }
    for (const std::string& inc : m.settings.include) {
      m.include.push_back(absolute((m.config_dir / inc).string()).string());
    }
    for (const auto& [uri, local] : m.settings.ref_map) {
      m.ref_map[uri] = absolute((m.config_dir / local).string()).string();
    }
    for (const auto& [uri, local] : opt_.options.load.ref_map) {
      m.ref_map[uri] = absolute(local).string();  // the command line wins
    }
    m.ignore_base = m.config_dir.string();
  }

  // The export of `paths` at `ref`; one per ref (whole-repository mode exports everything first).
  const git::Snapshot& snapshot(const std::string& ref, const std::vector<std::string>& paths) {
    auto it = snapshots_.find(ref);
    if (it != snapshots_.end()) return *it->second;
    const std::set<std::string> named(paths.begin(), paths.end());
    auto keep = [&named](std::string_view file) {
      if (named.contains(std::string(file))) return true;
      const std::string name = fs::path(file).filename().string();
      if (name == "breakwater.yaml" || name == "buf.yaml") return true;
      for (const detail::FormatPlugin* f : detail::formats()) {
        for (std::string_view ext : f->extensions) {
          if (file.ends_with(ext)) return true;
        }
      }
      return false;
    };
    return *(snapshots_[ref] = std::make_unique<git::Snapshot>(workdir_, ref, paths, keep));
  }

  // One snapshot per ref, holding every path any module needs from it.
  void export_git(const std::vector<Module>& modules) {
    std::map<std::string, std::vector<std::string>> wanted;
    for (const Module& m : modules) {
      for (const SideSpec* s : {&m.old_side, &m.new_side}) {
        if (!s->git) continue;
        auto& paths = wanted[s->git->ref];
        paths.push_back(*s->git->path);
        for (const std::string& inc : m.include) {
          if (inside(inc, workdir_)) paths.push_back(relative_to(inc, workdir_));
        }
        // Compile flags may name include directories anywhere in the repository: its headers
        // come along (the export keeps only files of the formats' extensions).
        if (!m.settings.compile_flags.empty() || !m.settings.compile_commands.empty() ||
            !opt_.options.load.compile_flags.empty() || !opt_.options.load.compile_commands.empty())
          paths.push_back(".");
        for (const auto& [uri, local] : m.ref_map) {
          if (inside(local, workdir_)) paths.push_back(relative_to(local, workdir_));
        }
      }
    }
    for (auto& [ref, paths] : wanted) snapshot(ref, paths);
  }

  // Where a side's files are on disk, and its include roots there.
  std::string disk_path(const SideSpec& s) const {
    if (!s.git) return s.disk;
    return (fs::path(snapshots_.at(s.git->ref)->root()) / *s.git->path).lexically_normal().string();
  }

  std::vector<std::string> includes_for(const SideSpec& s, const Module& m) const {
    if (!s.git) return m.include;
    std::vector<std::string> out;
    const fs::path root = snapshots_.at(s.git->ref)->root();
    for (const std::string& inc : m.include) {
      if (!inside(inc, workdir_)) {
        out.push_back(inc);
        continue;
      }
      const fs::path mapped = root / relative_to(inc, workdir_);
      std::error_code ec;
      if (fs::is_directory(mapped, ec)) out.push_back(mapped.string());
    }
    return out;
  }

  // The local copies of remote schemas, on a side: in a commit, its own copies.
  std::map<std::string, std::string> ref_map_for(const SideSpec& s, const Module& m) const {
    if (!s.git) return m.ref_map;
    std::map<std::string, std::string> out;
    const fs::path root = snapshots_.at(s.git->ref)->root();
    for (const auto& [uri, local] : m.ref_map) {
      out[uri] = inside(local, workdir_) ? (root / relative_to(local, workdir_)).string() : local;
    }
    return out;
  }

  // A path as a loader showed it, as users must see it: repository-relative in git mode.
  std::string shown(const std::string& p) const {
    if (!git_mode_ || p.empty()) return p;
    const fs::path abs = absolute(p);
    for (const auto& [ref, snap] : snapshots_) {
      if (inside(abs, snap->root())) return relative_to(abs, snap->root());
    }
    if (inside(abs, workdir_)) return relative_to(abs, workdir_);
    return p;
  }

  Schema load(const detail::FormatPlugin& format, const SideSpec& side, const Module& m) const {
    LoadOptions lo = opt_.options.load;
    lo.lang = m.lang;
    if (lo.dialect.empty()) lo.dialect = m.settings.dialect;
    lo.include_paths = includes_for(side, m);
    lo.ref_map = ref_map_for(side, m);
    if (lo.compile_flags.empty() && !m.settings.compile_flags.empty()) {
      lo.compile_flags = m.settings.compile_flags;
      lo.compile_flags_base = m.config_dir.string();
      if (cfg_) lo.compile_flags_at = cfg_->where(m.settings, "compile_flags");
    }
    if (lo.compile_commands.empty() && !m.settings.compile_commands.empty()) {
      lo.compile_commands = (m.config_dir / m.settings.compile_commands).string();
    }
    // Both sides take the compilation database entry nearest the NEW headers.
    lo.compile_commands_anchor = m.new_side.git
                                     ? (fs::path(workdir_) / *m.new_side.git->path).string()
                                     : absolute(m.new_side.disk).string();
    lo.exclude.insert(lo.exclude.end(), m.settings.exclude.begin(), m.settings.exclude.end());
    if (side.git) {
      // Include directories inside the repository named by compile flags are read from the
      // commit's copy of the repository.
      lo.workdir = workdir_;
      lo.side_root = snapshots_.at(side.git->ref)->root();
      lo.link_boundary = lo.side_root;  // the commit's copy of the repository
    }
    const std::string path = disk_path(side);
    if (!git_mode_) {
      // Links may point across the repository (or the current directory), not beyond it.
      const std::string repo = git::workdir_of(path);
      const fs::path abs = absolute(path);
      if (!repo.empty()) {
        lo.link_boundary = repo;
      } else if (inside(abs, absolute("."))) {
        lo.link_boundary = absolute(".").string();
      }
    }
    if (git_mode_ && !side.git) {
      // The working tree holds files the commit cannot (ignored, generated): compare what git
      // sees on both sides.
      lo.link_boundary = workdir_;
      lo.keep_file = [this](const std::string& abs) {
        if (!inside(abs, workdir_)) return true;
        return worktree().contains(relative_to(abs, workdir_));
      };
    }
    if (side.git) {
      std::error_code ec;
      if (!fs::exists(path, ec)) {
        throw InputError(Location{*side.git->path, 0, 0}, "no such path in git:" + side.git->ref);
      }
    }
    try {
      return format.load(path, lo);
    } catch (const InputError& e) {
      Location where = e.where();
      where.file = shown(where.file);
      std::string message = e.what();
      if (side.git) message += " (in git:" + side.git->ref + ")";
      throw InputError(where, message);
    }
  }

  const detail::FormatPlugin& format_of(const Module& m) const {
    if (!m.lang.empty()) {
      try {
        return detail::format_for("", m.lang);
      } catch (const InputError& e) {
        if (!cfg_ || !opt_.options.load.lang.empty()) throw;
        throw InputError(cfg_->where(m.settings, "lang"),
                         "lang: unknown language '" + m.lang + "'");
      }
    }
    return detail::format_for(disk_path(m.new_missing ? m.old_side : m.new_side), "");
  }

  std::vector<Finding> check_module(Module& m, std::set<std::string>& formats,
                                    std::set<std::string>& rules) {
    const detail::FormatPlugin& format = format_of(m);
    CheckOptions co = opt_.options;
    if (co.use.empty() && m.settings.use) co.use = *m.settings.use;
    if (co.except.empty() && m.settings.except) co.except = *m.settings.except;
    if (co.compat.empty()) co.compat = m.settings.compat;
    if (co.policy.empty()) co.policy = m.settings.policy;
    if (!co.compat.empty() &&
        std::find(format.compat.begin(), format.compat.end(), co.compat) == format.compat.end()) {
      const bool from_config = opt_.options.compat.empty() && cfg_;
      throw InputError(from_config ? cfg_->where(m.settings, "compat") : Location{},
                       std::string(from_config ? "compat " : "--compat ") + co.compat + ": " +
                           std::string(format.name) +
                           " is checked for backward compatibility only");
    }
    const detail::RuleSelection enabled = [&] {
      try {
        return detail::select_rules(format, co.use, co.except, co.policy);
      } catch (const InputError& e) {
        // A bad name that came from the config is reported at the config's line.
        const std::string_view what = e.what();
        const bool from_config =
            what.starts_with("--use") ? opt_.options.use.empty() : opt_.options.except.empty();
        if (!from_config || !cfg_) throw;
        std::string message = e.what();
        if (message.starts_with("--")) message = message.substr(2);
        throw InputError(cfg_->where(m.settings, what.starts_with("--use") ? "use" : "except"),
                         message);
      }
    }();
    // Outside git mode the two sides share nothing, so NEW loads on a second thread while OLD
    // loads here, for formats whose loaders allow it. (In git mode NEW consults the lazily read
    // working-tree file list.) -j1 keeps to one thread.
    std::future<Schema> new_loading;
    if (format.parallel_sides && co.load.jobs != 1 && !git_mode_ && !m.new_missing) {
      new_loading = std::async(std::launch::async, [&] { return load(format, m.new_side, m); });
    }
    Schema old_schema;
    try {
      old_schema = load(format, m.old_side, m);
    } catch (...) {
      if (new_loading.valid()) new_loading.wait();
      throw;
    }
    Schema new_schema;
    if (new_loading.valid()) {
      new_schema = new_loading.get();
    } else if (m.new_missing) {
      // The whole module is gone from the working tree: compare with nothing.
      new_schema.format = std::string(format.name);
      new_schema.root = m.new_label;
      new_schema.files.emplace_back();
    } else {
      new_schema = load(format, m.new_side, m);
    }
    // Suppression comments are read from the NEW files before their paths are re-based.
    std::vector<detail::InlineSuppression> suppressions;
    if (!format.comment_markers.empty() || format.find_suppressions != nullptr) {
      for (size_t i = 1; i < new_schema.files.size(); ++i) {
        const std::optional<std::string> text = detail::read_file(new_schema.files[i]);
        if (!text) continue;
        const std::string path = shown(new_schema.files[i]);
        auto found = format.find_suppressions != nullptr
                         ? format.find_suppressions(*text, path)
                         : detail::scan_suppressions(*text, path, format.comment_markers);
        suppressions.insert(suppressions.end(), found.begin(), found.end());
      }
    }
    for (std::string& f : old_schema.files) f = shown(f);
    for (std::string& f : new_schema.files) f = shown(f);
    // What the NEW side holds but the format does not compare: said once, on stderr.
    for (const Diagnostic& d : new_schema.warnings) {
      std::string line = new_schema.resolve(d.at).text() + ": warning: " + d.message;
      if (seen_warnings_.insert(line).second) warnings_.push_back(std::move(line));
    }
    detail::Trace trace("check");
    std::vector<Finding> findings = detail::run_rules(format, old_schema, new_schema, enabled,
                                                      {co.load.jobs, co.compat});
    trace.lap("rules");
    formats.insert(std::string(format.name));
    rules.insert(enabled.ids().begin(), enabled.ids().end());
    detail::apply_severities(m.settings.severity, findings);
    detail::apply_ignores(
        {m.settings.ignore, m.settings.ignore_only, m.ignore_base, m.origin},
        [this](const std::string& file) { return on_disk(file); }, findings);
    // A suppression naming only rules that did not run (not selected, or severity off) is
    // neither used nor unused: it waits for a run that checks its rule.
    auto active = [&](const std::string& name) {
      for (const std::string& id : enabled.ids()) {
        const RuleInfo* r = find_rule(id);
        const bool named =
            id == name || (r != nullptr && std::find(r->categories.begin(), r->categories.end(),
                                                     name) != r->categories.end());
        if (!named) continue;
        Finding probe;
        probe.rule_id = id;
        if (r != nullptr) probe.categories = r->categories;
        const std::string* setting = detail::override_for(m.settings.severity, probe);
        if (setting == nullptr || *setting != "off") return true;
      }
      return false;
    };
    for (Finding& about : detail::apply_suppressions(suppressions, findings, active)) {
      if (detail::finish_finding(about)) findings.push_back(std::move(about));
    }
    if (!opt_.free_models) {
      abandon(std::move(old_schema), std::move(new_schema));
    }
    return findings;
  }

  // Kept reachable until the process exits, so it is neither freed nor reported as a leak.
  // Only the newest module's models are kept: an earlier module's go when the next arrives, so
  // memory stays that of the biggest module, not the sum.
  void abandon(Schema&& old_schema, Schema&& new_schema) {
    static auto* kept = new std::vector<Schema>();
    kept->clear();
    kept->push_back(std::move(old_schema));
    kept->push_back(std::move(new_schema));
  }

  // The absolute file a finding path names (paths are relative to the display base).
  fs::path on_disk(const std::string& file) const {
    return absolute((fs::path(git_mode_ ? workdir_ : ".") / file).string());
  }

  std::string baseline_path() const {
    if (!opt_.apply_baseline) return {};
    if (!opt_.baseline.empty()) return opt_.baseline;
    if (!cfg_ || cfg_->baseline.empty()) return {};
    const fs::path p = fs::path(cfg_->dir) / cfg_->baseline;
    std::error_code ec;
    const fs::path rel = p.lexically_relative(fs::current_path(ec));
    return (!ec && !rel.empty() && *rel.begin() != "..") ? rel.generic_string() : p.string();
  }

  // The files git sees in the working tree, listed once per run (git status hashes files).
  const std::vector<std::string>& worktree_list() const {
    if (!worktree_list_) worktree_list_ = git::worktree_files(workdir_);
    return *worktree_list_;
  }
  const std::set<std::string>& worktree() const {
    if (!worktree_) worktree_.emplace(worktree_list().begin(), worktree_list().end());
    return *worktree_;
  }

  // A path as reports show it: relative to the repository root in git mode, else as given.
  std::string display_of(const std::string& path) const {
    const fs::path abs = absolute(path);
    const fs::path base = git_mode_ ? fs::path(workdir_) : absolute(".");
    return inside(abs, base) ? relative_to(abs, base) : path;
  }

  const RunOptions& opt_;
  std::vector<std::string> warnings_;  // in module and statement order
  std::set<std::string> seen_warnings_;
  mutable std::optional<std::vector<std::string>> worktree_list_;
  mutable std::optional<std::set<std::string>> worktree_;
  bool git_mode_ = false;
  std::string workdir_;
  std::optional<config::Config> cfg_;
  std::map<std::string, std::unique_ptr<git::Snapshot>> snapshots_;
};

}  // namespace

RunResult run(const RunOptions& options) {
  return Runner(options).run();
}

std::string baseline_for(const CheckResult& result) {
  return detail::baseline_text(result.findings);
}

}  // namespace breakwater
