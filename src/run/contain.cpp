// Where a run may read. Pull requests are untrusted: a schema, config or baseline may be a link
// to /etc/passwd, a $ref may climb out through a linked folder. Every read goes through
// core/read_input.hpp, which follows links and refuses targets outside the roots decided here.
#include "run/state.hpp"

#include "core/paths.hpp"
#include "core/read_input.hpp"

namespace breakwater::run_stages {
namespace {

// A plain input's root: its repository, else the current directory when it lies below it, else
// the input's own folder.
fs::path boundary_of(const std::string& input) {
  const std::string repo = git::workdir_of(input);
  if (!repo.empty()) return repo;
  const fs::path abs = absolute(input);
  const fs::path cwd = absolute(".");
  if (abs == cwd || detail::inside(abs, cwd)) return cwd;
  std::error_code ec;
  return fs::is_directory(abs, ec) ? abs : abs.parent_path();
}

}  // namespace

detail::ReadPolicy read_policy_for(const RunState& s) {
  const RunOptions& opt = s.opt;
  detail::ReadPolicy policy;
  if (opt.options.max_file_bytes != 0) policy.max_bytes = opt.options.max_file_bytes;
  if (s.git_mode) {
    policy.roots.push_back(s.workdir);  // commits exported later are added as they are
  }
  for (const std::string* input : {&opt.old_input, &opt.new_input}) {
    if (!input->empty() && !is_git(*input)) policy.roots.push_back(boundary_of(*input));
  }
  if (policy.roots.empty()) policy.roots.push_back(absolute("."));
  // What the command line names is the caller's choice, not the pull request's.
  for (const std::string* path : {&opt.config, &opt.baseline}) {
    if (!path->empty()) policy.roots.push_back(absolute(*path));
  }
  for (const std::string& inc : opt.options.load.include_paths) {
    policy.roots.push_back(absolute(inc));
  }
  for (const auto& [key, value] : opt.options.load.format_options) {
    const detail::OptionSpec* spec = detail::find_option_spec(key);
    if (spec == nullptr || spec->paths == detail::OptionPaths::none) continue;
    for (const OptionItem& item : value.items) {
      if (!item.at.known() && !item.value.empty()) policy.roots.push_back(absolute(item.value));
    }
  }
  for (const detail::FormatPlugin* f : detail::formats()) {
    for (std::string_view folder : f->system_folders) policy.roots.emplace_back(folder);
  }
  return policy;
}

}  // namespace breakwater::run_stages
