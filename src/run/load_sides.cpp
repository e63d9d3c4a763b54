// Stage 3 of a run: git refs exported once each, then a module's OLD and NEW loaded by its
// format (on two threads where the format allows), inline suppressions read from NEW's files,
// file paths re-based to what users see, and what NEW holds but is not compared noted.
#include "run/state.hpp"

#include "core/paths.hpp"
#include "core/read_input.hpp"

#include <future>

namespace breakwater::run_stages {
namespace {

using detail::inside;
using detail::relative_to;

// A path inside the repository, as on this side: in a commit, the commit's copy.
std::string on_side(const RunState& s, const SideSpec& side, const std::string& path) {
  if (!side.git || !inside(path, s.workdir)) return path;
  return (fs::path(s.snapshots.at(side.git->ref)->root()) / relative_to(path, s.workdir)).string();
}

std::vector<std::string> includes_for(const RunState& s, const SideSpec& side, const Module& m) {
  if (!side.git) return m.include;
  std::vector<std::string> out;
  for (const std::string& inc : m.include) {
    if (!inside(inc, s.workdir)) {
      out.push_back(inc);
      continue;
    }
    const std::string mapped = on_side(s, side, inc);
    std::error_code ec;
    if (fs::is_directory(mapped, ec)) out.push_back(mapped);
  }
  return out;
}

// The module's format options on a side: in a commit, per-side paths name its own copies.
// An option a format also declares per side (`ref_map_old`, `ref_map_new`) is merged into the
// option itself (`ref_map`) on its own side, and dropped on the other.
OptionValues options_for(const RunState& s, const SideSpec& side, const Module& m) {
  OptionValues out = m.options;
  for (auto& [key, value] : out) {
    const detail::OptionSpec* spec = detail::find_option_spec(key);
    if (spec == nullptr || spec->paths != detail::OptionPaths::per_side) continue;
    for (OptionItem& item : value.items) item.value = on_side(s, side, item.value);
  }
  const std::string_view mine = &side == &m.old_side ? "_old" : "_new";
  for (auto it = out.begin(); it != out.end();) {
    const std::string& key = it->first;
    const bool sided = key.ends_with("_old") || key.ends_with("_new");
    const std::string base = sided ? key.substr(0, key.size() - 4) : std::string();
    if (!sided || detail::find_option_spec(base) == nullptr) {
      ++it;
      continue;
    }
    if (key.ends_with(mine)) {
      OptionValue& target = out[base];
      if (target.items.empty()) {
        target.at = it->second.at;
        target.base = it->second.base;
      }
      // The side's own mapping wins over a shared one for the same key.
      for (OptionItem& item : it->second.items) {
        std::erase_if(target.items, [&](const OptionItem& x) { return x.key == item.key; });
        target.items.push_back(std::move(item));
      }
    }
    it = out.erase(it);
  }
  return out;
}

Schema load_side(const RunState& s, const detail::FormatPlugin& format, const SideSpec& side,
                 const Module& m) {
  LoadOptions lo;
  lo.lang = m.lang;
  lo.jobs = s.opt.options.load.jobs;
  lo.include_paths = includes_for(s, side, m);
  lo.format_options = options_for(s, side, m);
  // Lookups both sides must agree on anchor at the NEW input as it is in the working tree.
  lo.new_input_in_worktree = m.new_side.git
                                 ? (fs::path(s.workdir) / *m.new_side.git->path).string()
                                 : absolute(m.new_side.disk).string();
  if (side.git) {
    // Paths inside the repository that options name are read from the commit's copy.
    lo.workdir = s.workdir;
    lo.side_root = s.snapshots.at(side.git->ref)->root();
    lo.link_boundary = lo.side_root;  // the commit's copy of the repository
  }
  const std::string path = s.disk_path(side);
  if (!s.git_mode) {
    // Links may point across the repository (or the current directory), not beyond it.
    const std::string repo = git::workdir_of(path);
    const fs::path abs = absolute(path);
    if (!repo.empty()) {
      lo.link_boundary = repo;
    } else if (inside(abs, absolute("."))) {
      lo.link_boundary = absolute(".").string();
    }
  }
  if (s.git_mode && !side.git) {
    // The working tree holds files the commit cannot (ignored, generated): compare what git
    // sees on both sides.
    lo.link_boundary = s.workdir;
    lo.keep_file = [&s](const std::string& abs) {
      if (!inside(abs, s.workdir)) return true;
      return s.worktree().contains(relative_to(abs, s.workdir));
    };
  }
  if (side.git) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      throw InputError(Location{*side.git->path, 0, 0}, "no such path in git:" + side.git->ref);
    }
  }
  try {
    const auto own = detail::read_format_options(format, lo.format_options);
    return format.load(path, lo, *own);
  } catch (const InputError& e) {
    Location where = e.where();
    where.file = s.shown(where.file);
    std::string message = e.what();
    if (side.git) message += " (in git:" + side.git->ref + ")";
    throw InputError(where, message);
  }
}

// Suppression comments of NEW's files (read before their paths are re-based).
std::vector<detail::InlineSuppression> suppressions_in(const RunState& s,
                                                       const detail::FormatPlugin& format,
                                                       const Schema& new_schema) {
  std::vector<detail::InlineSuppression> out;
  if (format.comment_markers.empty() && format.find_suppressions == nullptr) return out;
  // Every directive names breakwater ("breakwater:ignore", JSON Schema's
  // "x-breakwater-ignore"): a file without the word is not read whole a second time.
  for (size_t i = 1; i < new_schema.files.size(); ++i) {
    if (!detail::file_contains(new_schema.files[i], "breakwater")) continue;
    const std::optional<std::string> text = detail::read_file(new_schema.files[i]);
    if (!text) continue;
    const std::string path = s.shown(new_schema.files[i]);
    auto found = format.find_suppressions != nullptr
                     ? format.find_suppressions(*text, path)
                     : detail::scan_suppressions(*text, path, format.comment_markers);
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace

const git::Snapshot& snapshot(RunState& s, const std::string& ref,
                              const std::vector<std::string>& paths) {
  auto it = s.snapshots.find(ref);
  if (it != s.snapshots.end()) return *it->second;
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
  auto& made = s.snapshots[ref] = std::make_unique<git::Snapshot>(s.workdir, ref, paths, keep);
  detail::allow_reads_under(made->root());
  return *made;
}

void export_git(RunState& s, const std::vector<Module>& modules) {
  std::map<std::string, std::vector<std::string>> wanted;
  for (const Module& m : modules) {
    for (const SideSpec* side : {&m.old_side, &m.new_side}) {
      if (!side->git) continue;
      auto& paths = wanted[side->git->ref];
      paths.push_back(*side->git->path);
      for (const std::string& inc : m.include) {
        if (inside(inc, s.workdir)) paths.push_back(relative_to(inc, s.workdir));
      }
      for (const auto& [key, value] : m.options) {
        const detail::OptionSpec* spec = detail::find_option_spec(key);
        if (spec == nullptr || value.items.empty()) continue;
        // Options that may name any file of the repository (compile flags) take all of it
        // (the export keeps only files of the formats' extensions).
        if (spec->reads_repository) paths.push_back(".");
        if (spec->paths != detail::OptionPaths::per_side) continue;
        for (const OptionItem& item : value.items) {
          if (inside(item.value, s.workdir)) paths.push_back(relative_to(item.value, s.workdir));
        }
      }
    }
  }
  for (auto& [ref, paths] : wanted) snapshot(s, ref, paths);
}

Loaded load_module(RunState& s, const detail::FormatPlugin& format, const Module& m) {
  // Outside git mode the two sides share nothing, so NEW loads on a second thread while OLD
  // loads here, for formats whose loaders allow it. (In git mode NEW consults the lazily read
  // working-tree file list.) -j1 keeps to one thread.
  std::future<Schema> new_loading;
  if (format.parallel_sides && s.opt.options.load.jobs != 1 && !s.git_mode && !m.new_missing) {
    new_loading =
        std::async(std::launch::async, [&] { return load_side(s, format, m.new_side, m); });
  }
  Loaded out;
  try {
    out.old_schema = load_side(s, format, m.old_side, m);
  } catch (...) {
    if (new_loading.valid()) new_loading.wait();
    throw;
  }
  if (new_loading.valid()) {
    out.new_schema = new_loading.get();
  } else if (m.new_missing) {
    // The whole module is gone from the working tree: compare with nothing.
    out.new_schema.format = std::string(format.name);
    out.new_schema.root = m.new_label;
    out.new_schema.files.emplace_back();
  } else {
    out.new_schema = load_side(s, format, m.new_side, m);
  }
  out.suppressions = suppressions_in(s, format, out.new_schema);
  for (std::string& f : out.old_schema.files) f = s.shown(f);
  for (std::string& f : out.new_schema.files) f = s.shown(f);
  return out;
}

}  // namespace breakwater::run_stages
