// Git inputs: the files of one commit, read from the object database with libgit2 (no checkout,
// no index or working-tree change, no shell) and exported into a private temporary directory
// that mirrors the repository layout, so every loader reads them like any other directory.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace breakwater::git {

// The working-tree root of the repository holding `path` (absolute, lexically normal), or ""
// when `path` is not inside a non-bare git repository.
std::string workdir_of(const std::string& path);

class Snapshot {
 public:
  // Exports `paths` (repository-relative files or directories; empty or "." = the whole tree) of
  // the commit `ref` names (branch, remote branch, tag, sha, HEAD~1...); a file comes with the
  // rest of its folder, which its references may name. `keep` may narrow the files written. A path missing in the commit is simply absent below root(). A ref that cannot
  // be resolved throws InputError with the command that fetches it.
  Snapshot(const std::string& repo_path, const std::string& ref,
           const std::vector<std::string>& paths,
           const std::function<bool(std::string_view)>& keep = {});
  ~Snapshot();
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  const std::string& root() const { return root_; }        // the temporary directory
  const std::string& workdir() const { return workdir_; }  // the repository's working tree
  const std::string& ref() const { return ref_; }
  const std::string& commit() const { return commit_; }             // full hex object id
  const std::vector<std::string>& files() const { return files_; }  // repository-relative, sorted

 private:
  void make_root();
  std::string root_, workdir_, ref_, commit_;
  std::vector<std::string> files_;
};

}  // namespace breakwater::git

namespace breakwater::git {

// What a pull request's diff is against: when `ref` names a branch (local or remote-tracking),
// the merge base of HEAD and that branch, as a full hex commit id. `commit` is "" when `ref` is
// a tag, a commit or an expression (those are compared exactly), when HEAD is unborn, or when
// the two share no history here (`unrelated`: a shallow clone).
struct MergeBase {
  std::string commit;
  bool unrelated = false;
};
MergeBase merge_base_with_head(const std::string& workdir, const std::string& ref);

// Every file of the working tree that git would consider: tracked files still present plus
// untracked files that are not ignored. Repository-relative, sorted.
std::vector<std::string> worktree_files(const std::string& workdir);

}  // namespace breakwater::git
