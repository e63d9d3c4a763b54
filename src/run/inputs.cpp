// Stage 1 of a run: whether git is involved (and which working tree), then the config file
// that applies, plus the path helpers every later stage shares.
#include "run/state.hpp"

#include "core/paths.hpp"

namespace breakwater::run_stages {

using detail::inside;
using detail::relative_to;

fs::path absolute(const std::string& path) {
  return detail::absolute_path(path);
}

bool is_git(const std::string& input) {
  return input.starts_with("git:");
}

const std::vector<std::string>& RunState::worktree_list() const {
  if (!worktree_list_) worktree_list_ = git::worktree_files(workdir);
  return *worktree_list_;
}

const std::set<std::string>& RunState::worktree() const {
  if (!worktree_) worktree_.emplace(worktree_list().begin(), worktree_list().end());
  return *worktree_;
}

std::string RunState::shown(const std::string& p) const {
  if (!git_mode || p.empty()) return p;
  const fs::path abs = absolute(p);
  for (const auto& [ref, snap] : snapshots) {
    if (inside(abs, snap->root())) return relative_to(abs, snap->root());
  }
  if (inside(abs, workdir)) return relative_to(abs, workdir);
  return p;
}

std::string RunState::display_of(const std::string& path) const {
  const fs::path abs = absolute(path);
  const fs::path base = git_mode ? fs::path(workdir) : absolute(".");
  return inside(abs, base) ? relative_to(abs, base) : path;
}

std::string RunState::disk_path(const SideSpec& side) const {
  if (!side.git) return side.disk;
  return (fs::path(snapshots.at(side.git->ref)->root()) / *side.git->path).lexically_normal().string();
}

fs::path RunState::on_disk(const std::string& file) const {
  return absolute((fs::path(git_mode ? workdir : ".") / file).string());
}

void decide_workdir(RunState& s) {
  const RunOptions& opt = s.opt;
  s.git_mode = !opt.against.empty() || is_git(opt.old_input) || is_git(opt.new_input);
  if (!s.git_mode) return;
  const std::string probe = !opt.new_input.empty() && !is_git(opt.new_input) ? opt.new_input : ".";
  std::error_code ec;
  if (!fs::exists(probe, ec)) throw InputError(Location{probe, 0, 0}, "no such file or directory");
  s.workdir = git::workdir_of(probe);
  if (s.workdir.empty()) {
    throw InputError(Location{probe, 0, 0},
                     "not inside a git working tree (needed for --against and git:REF)");
  }
}

namespace {

void load_config(RunState& s) {
  const RunOptions& opt = s.opt;
  std::string file = opt.config;
  if (file.empty()) {
    // The whole repository's config sits at its root, wherever breakwater runs from.
    const std::string start = opt.new_input.empty()   ? s.workdir
                              : is_git(opt.new_input) ? "."
                                                      : opt.new_input;
    std::error_code ec;
    if (!fs::exists(start, ec)) return;  // the loader reports the missing input
    // Never above the repository; outside one, never above the current directory (or the
    // input's own directory when it lies elsewhere): a stray /tmp/breakwater.yaml must not
    // decide what fails.
    std::string stop = s.git_mode ? s.workdir : git::workdir_of(start);
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
  s.cfg = config::load(file);
  for (const std::string& w : s.cfg->warnings) {
    if (s.seen_warnings.insert(w).second) s.warnings.push_back(w);
  }
}

void resolve_against(RunState& s) {
  const RunOptions& opt = s.opt;
  s.against_commit = opt.against;
  if (opt.against.empty() || opt.against_mode == "exact") return;
  if (opt.against_mode != "merge-base") {
    throw InputError({}, "--against-mode: expected merge-base or exact, got '" + opt.against_mode +
                             "'");
  }
  const git::MergeBase base = git::merge_base_with_head(s.workdir, opt.against);
  if (base.unrelated) {
    // In a shallow clone of a pull request's merge commit the branch tip is the merge base
    // anyway; elsewhere the user is told what the comparison is against and how to fix it.
    std::string line = "warning: HEAD and '" + opt.against +
                       "' share no history here (a shallow clone?), so '" + opt.against +
                       "' is compared at its tip, not at the merge base; fetch more history "
                       "(git fetch --deepen=50, or actions/checkout with fetch-depth: 0)";
    if (s.seen_warnings.insert(line).second) s.warnings.push_back(std::move(line));
    return;
  }
  if (base.commit.empty()) return;
  s.against_commit = base.commit;
  s.against_is_merge_base = true;
}

}  // namespace

std::string RunState::against_label() const {
  std::string out = "git:" + opt.against;
  if (against_is_merge_base) out += " (merge base " + against_commit.substr(0, 12) + ")";
  return out;
}

void resolve_inputs(RunState& state) {
  load_config(state);
  resolve_against(state);
}

}  // namespace breakwater::run_stages
