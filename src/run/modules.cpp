// Stage 2 of a run: which modules are compared. OLD NEW (or NEW --against REF) name one; the
// whole-repository mode takes the config's modules, else every format's discovery on both
// sides, so a module deleted from the working tree is still found (and its deletion
// reported). Each module's settings come from the config, laid under the command line's.
#include "run/state.hpp"

#include "core/paths.hpp"
#include "core/quote.hpp"

namespace breakwater::run_stages {
namespace {

using detail::inside;
using detail::relative_to;

// What the formats look for, for messages: "proto (.proto .binpb ...), sql (.sql), ...".
std::string extensions_of(const detail::FormatPlugin& f) {
  std::string out;
  for (std::string_view e : f.extensions) out += (out.empty() ? "" : " ") + std::string(e);
  return out;
}

std::string looked_for() {
  std::string out;
  for (const detail::FormatPlugin* f : detail::formats()) {
    out += (out.empty() ? "" : ", ") + std::string(f->lang) + " (" + extensions_of(*f);
    if (!f->directory_name.empty()) out += " in " + std::string(f->directory_name) + "/";
    out += ")";
  }
  return out;
}

void warn(RunState& s, std::string line) {
  if (s.seen_warnings.insert(line).second) s.warnings.push_back(std::move(line));
}

// An input found and left out: in every report (CheckResult::not_compared), not on stderr.
void not_compared(RunState& s, std::string line) {
  if (s.seen_warnings.insert(line).second) s.not_compared.push_back(std::move(line));
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

// The config's settings for a module at `abs` (its own entry, else the defaults).
config::ModuleConfig settings_for(const RunState& s, const fs::path& abs, std::string& origin) {
  if (!s.cfg) return {};
  for (const config::ModuleConfig& m : s.cfg->modules) {
    const fs::path root = absolute((fs::path(s.cfg->dir) / m.path).string());
    if (abs == root || inside(abs, root)) {
      origin = s.cfg->file + ":" + std::to_string(m.line);
      return config::merged(s.cfg->defaults, m);
    }
  }
  origin = s.cfg->file;
  return s.cfg->defaults;
}

std::string repo_relative(const RunState& s, const std::string& disk) {
  const fs::path abs = absolute(disk);
  if (!inside(abs, s.workdir) && abs != fs::path(s.workdir)) {
    throw InputError(Location{disk, 0, 0}, "is outside the git working tree " + s.workdir);
  }
  return relative_to(abs, s.workdir);
}

// An option's path values made absolute against the directory they are relative to. The
// command line's stay as spelled (messages name them so) unless a git side must find its own
// copy of them.
OptionValue with_absolute_paths(const detail::OptionSpec& spec, OptionValue value,
                                const fs::path& base, bool from_cli) {
  value.base = base.string();
  if (spec.paths == detail::OptionPaths::none) return value;
  if (from_cli && spec.paths != detail::OptionPaths::per_side) return value;
  for (OptionItem& item : value.items) item.value = absolute((base / item.value).string()).string();
  return value;
}

// The module's formats' options: the config's (relative to its directory) laid under the
// command line's (relative to the current directory).
OptionValues resolve_options(const RunState& s, const Module& m) {
  OptionValues out;
  const OptionValues& from_cli = s.opt.options.load.format_options;
  std::set<std::string, std::less<>> keys;
  for (const auto& [key, v] : m.settings.options) keys.insert(key);
  for (const auto& [key, v] : from_cli) keys.insert(key);
  for (const std::string& key : keys) {
    const detail::OptionSpec* spec = detail::find_option_spec(key);
    if (spec == nullptr) throw InputError({}, "unknown format option '" + key + "'");
    std::optional<OptionValue> config, cli;
    if (auto it = m.settings.options.find(key); it != m.settings.options.end())
      config = with_absolute_paths(*spec, it->second, m.config_dir, false);
    if (auto it = from_cli.find(key); it != from_cli.end())
      cli = with_absolute_paths(*spec, it->second, absolute("."), true);
    out[key] = detail::merge_option(*spec, config ? &*config : nullptr, cli ? &*cli : nullptr);
  }
  return out;
}

// Turns the module's relative paths (include, ignore, format options) into absolute ones.
void finish_settings(const RunState& s, Module& m) {
  if (m.config_dir.empty()) m.config_dir = s.cfg ? fs::path(s.cfg->dir) : absolute(".");
  m.lang = !s.opt.options.load.lang.empty() ? s.opt.options.load.lang : m.settings.lang;
  for (const std::string& inc : s.opt.options.load.include_paths) {
    m.include.push_back(absolute(inc).string());
  }
  // The config comes with the change: its import roots stay inside the repository it sits in.
  std::string repo = s.git_mode ? s.workdir : git::workdir_of(m.config_dir.string());
  if (repo.empty()) repo = m.config_dir.string();
  for (const std::string& inc : m.settings.include) {
    const fs::path path = absolute((m.config_dir / inc).string());
    if (!detail::inside_resolved(path, repo) && path != fs::path(repo)) {
      throw InputError(s.cfg ? s.cfg->where(m.settings, "include") : Location{},
                       "include: " + detail::quoted(inc, '\'') +
                           " is outside the repository; not read");
    }
    m.include.push_back(path.string());
  }
  m.options = resolve_options(s, m);
  m.ignore_base = m.config_dir.string();
}

std::vector<Module> single_module(RunState& s) {
  const RunOptions& opt = s.opt;
  Module m;
  if (is_git(opt.new_input)) {
    m.new_side.git = parse_git(opt.new_input, s.workdir);
  } else {
    m.new_side.disk = opt.new_input;
  }
  if (!opt.old_input.empty() && !opt.against.empty()) {
    throw InputError({}, "give OLD or --against, not both");
  }
  if (!opt.against.empty()) {
    m.old_side.git = GitSpec{s.against_commit, std::nullopt};
  } else if (is_git(opt.old_input)) {
    m.old_side.git = parse_git(opt.old_input, s.workdir);
  } else if (opt.old_input.empty()) {
    throw InputError({}, "nothing to compare with: give OLD NEW, or NEW --against REF");
  } else {
    m.old_side.disk = opt.old_input;
  }
  // A git side without a path takes the other side's place in the repository.
  auto other_path = [&](const SideSpec& other) -> std::string {
    if (other.git) return other.git->path.value_or(".");
    return repo_relative(s, other.disk);
  };
  if (m.old_side.git && !m.old_side.git->path) m.old_side.git->path = other_path(m.new_side);
  if (m.new_side.git && !m.new_side.git->path) m.new_side.git->path = other_path(m.old_side);
  const fs::path new_abs =
      m.new_side.git ? fs::path(s.workdir) / *m.new_side.git->path : absolute(m.new_side.disk);
  m.settings = settings_for(s, absolute(new_abs.string()), m.origin);
  if (s.cfg) m.config_file = s.cfg->file;
  m.new_label = opt.new_input;
  m.old_label = opt.old_input.empty() ? s.against_label() : opt.old_input;
  finish_settings(s, m);
  return {std::move(m)};
}

std::vector<Module> repository_modules(RunState& s) {
  const RunOptions& opt = s.opt;
  if (opt.against.empty()) {
    throw InputError({}, "give NEW (a path) or --against REF to check the whole repository");
  }
  if (!opt.old_input.empty()) throw InputError({}, "give OLD NEW, or --against REF, not both");
  const git::Snapshot& base = snapshot(s, s.against_commit, {"."});
  std::vector<Module> modules;
  std::set<std::string> seen;
  bool found_any = false;  // a module on either side, even one only in the working tree
  // `dir` is what the module's paths are relative to; `old_dir` the same place in the commit.
  auto add = [&](const fs::path& dir, const config::ModuleConfig& settings,
                 const std::string& origin, bool listed, const std::string& config_file) {
    const fs::path abs = absolute((dir / settings.path).string());
    if (abs != fs::path(s.workdir) && !inside(abs, s.workdir)) {
      throw InputError(Location{origin, 0, 0},
                       "module path '" + settings.path + "' is outside the repository");
    }
    const std::string rel = relative_to(abs, s.workdir);
    if (!seen.insert(rel).second) return;
    std::error_code ec;
    const bool in_new = fs::exists(abs, ec);
    const bool in_old = fs::exists(fs::path(base.root()) / rel, ec);
    found_any = found_any || in_new || in_old;
    if (!in_new && !in_old && listed) {
      throw InputError(Location{origin, 0, 0}, "module path '" + settings.path +
                                                   "' exists neither in the working tree nor "
                                                   "in git:" +
                                                   opt.against);
    }
    // New in the working tree: no OLD version, nothing to break; said, so the pass is not silent.
    if (!in_old) {
      not_compared(s, rel + ": new since git:" + opt.against + ", nothing to compare it with");
      return;
    }
    Module m;
    m.settings = settings;
    m.origin = origin;
    m.config_file = config_file;
    m.config_dir = dir;
    m.new_missing = !in_new;
    m.new_side.disk = rel == "." ? s.workdir : abs.string();
    m.old_side.git = GitSpec{s.against_commit, rel};
    m.new_label = rel;
    m.old_label = s.against_label() + ":" + rel;
    finish_settings(s, m);
    modules.push_back(std::move(m));
  };
  if (s.cfg && !s.cfg->modules.empty()) {
    for (const config::ModuleConfig& m : s.cfg->modules) {
      add(s.cfg->dir, config::merged(s.cfg->defaults, m), s.cfg->file + ":" + std::to_string(m.line),
          !s.cfg->from_buf, s.cfg->file);
    }
    return modules;
  }
  struct Side {
    std::string root;
    std::vector<std::string> files;
  };
  const Side sides[] = {{s.workdir, s.worktree_list()}, {base.root(), base.files()}};
  for (const detail::FormatPlugin* f : detail::formats()) {
    if (f->discover == nullptr) continue;
    for (const Side& side : sides) {
      for (const detail::DiscoveredModule& d : f->discover(side.root, side.files)) {
        config::ModuleConfig settings = s.cfg ? s.cfg->defaults : config::ModuleConfig{};
        settings.lang = std::string(f->name);
        if (!d.config.empty()) {
          // A format-native config (buf.yaml) governs this module and may list several.
          const config::Config native = config::load((fs::path(side.root) / d.config).string());
          for (const std::string& w : native.warnings) warn(s, w);
          const fs::path dir = fs::path(s.workdir) / fs::path(d.config).parent_path();
          for (const config::ModuleConfig& nm : native.modules) {
            config::ModuleConfig one = config::merged(native.defaults, nm);
            one.lang = std::string(f->name);
            add(dir, one, d.config, false, d.config);
          }
          continue;
        }
        settings.path = d.path;
        settings.include = d.include;
        add(s.workdir, settings, s.cfg ? s.cfg->file : std::string(f->name) + " discovery", false,
            s.cfg ? s.cfg->file : std::string());
      }
    }
  }
  if (!found_any) {
    throw InputError({}, "nothing to compare: no contracts in the working tree or in git:" +
                             opt.against + " (looked for " + looked_for() + ")");
  }
  return modules;
}


}  // namespace

std::vector<Module> decide_modules(RunState& state) {
  return state.opt.new_input.empty() ? repository_modules(state) : single_module(state);
}

namespace {

// Folders named `name` below either side (relative, sorted; hidden folders and folders inside
// a match are not searched).
std::vector<std::string> named_folders(const std::string& old_dir, const std::string& new_dir,
                                       std::string_view name) {
  std::set<std::string> out;
  for (const std::string& dir : {old_dir, new_dir}) {
    if (dir.empty()) continue;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
      const std::string base = it->path().filename().string();
      if (base.starts_with('.')) {
        it.disable_recursion_pending();
      } else if (base == name) {
        out.insert(it->path().lexically_relative(dir).generic_string());
        it.disable_recursion_pending();
      }
    }
  }
  return {out.begin(), out.end()};
}

// The same side, `rel` further down.
SideSpec below(const SideSpec& side, const std::string& rel) {
  SideSpec out = side;
  out.disk = (fs::path(side.disk) / rel).generic_string();
  if (out.git && out.git->path) out.git->path = (fs::path(*out.git->path) / rel).generic_string();
  return out;
}

}  // namespace

std::vector<Module> split_by_format(RunState& s, std::vector<Module> modules) {
  std::vector<Module> out;
  for (Module& m : modules) {
    const std::string old_disk = s.disk_path(m.old_side);
    const std::string new_disk = m.new_missing ? std::string() : s.disk_path(m.new_side);
    const std::string& label = m.new_missing ? m.old_label : m.new_label;
    std::error_code ec;
    // A side that is not there is an error, never "nothing to compare on that side".
    for (const SideSpec* side : {&m.old_side, m.new_missing ? nullptr : &m.new_side}) {
      if (side == nullptr || fs::exists(s.disk_path(*side), ec)) continue;
      if (side->git) {
        throw InputError(Location{*side->git->path, 0, 0}, "no such path in git:" + side->git->ref);
      }
      throw InputError(Location{side->disk, 0, 0}, "no such file or directory");
    }
    const bool dirs = fs::is_directory(m.new_missing ? old_disk : new_disk, ec);
    // A format's own config found above the input (buf.yaml) governs that format only: for an
    // input without its files (db/ beside proto/) it says nothing, and the input is compared
    // without a config.
    if (s.cfg && s.cfg->from_buf && s.opt.options.load.lang.empty() &&
        m.lang == s.cfg->defaults.lang) {
      const detail::FormatPlugin* native = detail::find_format(m.lang);
      if (native != nullptr && !native->claims(old_disk) &&
          (new_disk.empty() || !native->claims(new_disk))) {
        m.lang.clear();
        m.settings = {};
        m.config_file.clear();
        m.origin.clear();
      }
    }
    if (!m.lang.empty() || !dirs) {
      // One format: the one asked for, or the one the file is.
      m.format = &format_of(s, m);
      if (dirs && !m.format->claims(old_disk) && (new_disk.empty() || !m.format->claims(new_disk))) {
        throw InputError(Location{label, 0, 0},
                         "nothing to compare: no " + std::string(m.format->lang) +
                             " inputs in OLD or NEW (looked for " + extensions_of(*m.format) +
                             ")");
      }
      out.push_back(std::move(m));
      continue;
    }
    struct Found {
      const detail::FormatPlugin* format;
      bool in_old, in_new;
    };
    std::vector<Found> found;
    for (const detail::FormatPlugin* f : detail::formats()) {
      const bool in_old = f->claims(old_disk);
      const bool in_new = !new_disk.empty() && f->claims(new_disk);
      if (in_old || in_new) found.push_back({f, in_old, in_new});
    }
    if (found.empty()) {
      throw InputError(Location{label, 0, 0},
                       "nothing to compare: no contracts in OLD or NEW (looked for " +
                           looked_for() + ")");
    }
    const std::string name = fs::path(m.new_missing ? old_disk : new_disk).filename().string();
    size_t compared = 0;
    for (const Found& f : found) {
      // A header root beside other contracts is checked only when it is the include root:
      // the folders of that name inside become modules of their own.
      if (!f.format->directory_name.empty() && found.size() > 1 &&
          name != f.format->directory_name) {
        const std::vector<std::string> roots =
            named_folders(old_disk, new_disk, f.format->directory_name);
        for (const std::string& rel : roots) {
          Module one = m;
          one.format = f.format;
          one.lang = std::string(f.format->name);
          one.old_side = below(m.old_side, rel);
          one.new_side = below(m.new_side, rel);
          one.old_label = m.old_label + "/" + rel;
          one.new_label = m.new_label + "/" + rel;
          const bool in_old = fs::is_directory(fs::path(old_disk) / rel, ec);
          one.new_missing = new_disk.empty() || !fs::is_directory(fs::path(new_disk) / rel, ec);
          if (!in_old) {
            not_compared(s, one.new_label + ": " + std::string(f.format->lang) +
                                " files are new here: nothing to compare them with");
            continue;
          }
          out.push_back(std::move(one));
          ++compared;
        }
        if (!roots.empty()) continue;
        not_compared(s, label + ": " + std::string(f.format->lang) + " files found but not " +
                    "checked: a folder of them is checked when it is named " +
                    std::string(f.format->directory_name) + "/, given with --lang " +
                    std::string(f.format->lang) + ", or declared as a module in breakwater.yaml");
        continue;
      }
      if (!f.in_old) {
        not_compared(s, label + ": " + std::string(f.format->lang) +
                    " files are new here: nothing to compare them with");
        continue;
      }
      Module one = m;
      one.format = f.format;
      one.lang = std::string(f.format->name);
      one.new_missing = m.new_missing || !f.in_new;
      out.push_back(std::move(one));
      ++compared;
    }
    if (compared == 0) {
      std::string skipped;
      for (const Found& f : found) skipped += (skipped.empty() ? "" : ", ") + std::string(f.format->lang);
      throw InputError(Location{label, 0, 0},
                       "nothing to compare: found " + skipped +
                           " files, but none both in OLD and checkable here (a header folder is "
                           "checked when named include/ or given with --lang)");
    }
  }
  return out;
}

}  // namespace breakwater::run_stages
