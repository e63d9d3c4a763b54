#include "git/snapshot.hpp"

#include <breakwater/check.hpp>

#include <git2.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

namespace breakwater::git {
namespace fs = std::filesystem;

namespace {

// libgit2's global state, initialised once for the process.
struct Library {
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
};
void ensure_library() {
  static Library library;
}

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const {
    if (p != nullptr) Free(p);
  }
};
using Repo = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using Object = std::unique_ptr<git_object, Deleter<git_object, git_object_free>>;
using Tree = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using TreeEntry = std::unique_ptr<git_tree_entry, Deleter<git_tree_entry, git_tree_entry_free>>;
using Blob = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;
using Remote = std::unique_ptr<git_remote, Deleter<git_remote, git_remote_free>>;

std::string last_error() {
  const git_error* e = git_error_last();
  return e != nullptr && e->message != nullptr ? e->message : "unknown libgit2 error";
}

Repo open_repo(const std::string& path) {
  ensure_library();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), 0, nullptr) != 0) return nullptr;
  return Repo(raw);
}

std::string normal_dir(const char* dir) {
  std::string out = fs::path(dir).lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

// `text` as one shell word: single-quoted, a quote inside spelled '\''.
std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The command that makes `ref` available, for the error message: pasted as printed, it fetches
// into the ref breakwater then looks up (a bare fetch would only fill FETCH_HEAD in a
// single-branch clone), every ref quoted.
std::string fetch_hint(git_repository* repo, const std::string& ref) {
  const bool shallow = git_repository_is_shallow(repo) == 1;
  if (ref.find_first_of("~^@") != std::string::npos) {
    return shallow ? "the clone is shallow; fetch more history: git fetch --deepen=50 (or "
                     "actions/checkout with fetch-depth: 0)"
                   : "check the revision exists: git log --oneline -5";
  }
  // `main` when only `origin/main` is there (a CI clone has no local branches).
  for (const char* remote : {"origin", "upstream"}) {
    git_object* found = nullptr;
    const std::string candidate = std::string(remote) + "/" + ref;
    if (git_revparse_single(&found, repo, candidate.c_str()) == 0) {
      git_object_free(found);
      return "did you mean --against " + shell_quoted(candidate) + "?";
    }
  }
  // origin/main: fetch `main` from the remote `origin`.
  const size_t slash = ref.find('/');
  if (slash != std::string::npos) {
    const std::string remote_name = ref.substr(0, slash);
    git_remote* raw = nullptr;
    const bool known_remote = git_remote_lookup(&raw, repo, remote_name.c_str()) == 0;
    Remote remote(raw);
    if (known_remote || remote_name == "origin" || remote_name == "upstream") {
      // An explicit destination: a single-branch clone would otherwise only set FETCH_HEAD.
      const std::string branch = ref.substr(slash + 1);
      return std::string(known_remote ? "" : "no remote '" + remote_name + "' is configured; ") +
             "fetch the base: git fetch --depth=1 " + shell_quoted(remote_name) + " " +
             shell_quoted("+refs/heads/" + branch + ":refs/remotes/" + ref);
    }
  }
  // A bare name is a branch or a tag of the remote: either command leaves it where it is found.
  return std::string(shallow ? "the clone is shallow; " : "") +
         "fetch the base: a branch with git fetch --depth=1 origin " +
         shell_quoted("+refs/heads/" + ref + ":refs/remotes/origin/" + ref) +
         " then --against " + shell_quoted("origin/" + ref) +
         ", a tag with git fetch --depth=1 origin " +
         shell_quoted("+refs/tags/" + ref + ":refs/tags/" + ref);
}

bool safe_component(std::string_view name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string_view::npos &&
         name.find('\0') == std::string_view::npos;
}

class Exporter {
 public:
  Exporter(git_repository* repo, const fs::path& root, const std::string& label,
           const std::function<bool(std::string_view)>& keep, std::vector<std::string>& files)
      : repo_(repo), root_(root), label_(label), keep_(keep), files_(files) {}

  void entry(const git_tree_entry* e, const std::string& path) {
    switch (git_tree_entry_filemode(e)) {
      case GIT_FILEMODE_TREE:
        tree(*git_tree_entry_id(e), path);
        break;
      case GIT_FILEMODE_BLOB:
      case GIT_FILEMODE_BLOB_EXECUTABLE:
        blob(*git_tree_entry_id(e), path);
        break;
      case GIT_FILEMODE_LINK:
        link(e, path, 0);
        break;
      default:
        // Submodules are other repositories, not part of the contract being compared.
        break;
    }
  }

  void set_root(const git_tree* root) { root_tree_ = root; }

  void tree(const git_oid& id, const std::string& path) {
    git_tree* raw = nullptr;
    if (git_tree_lookup(&raw, repo_, &id) != 0) missing(path);
    Tree t(raw);
    const size_t n = git_tree_entrycount(t.get());
    for (size_t i = 0; i < n; ++i) {
      const git_tree_entry* e = git_tree_entry_byindex(t.get(), i);
      const std::string name = git_tree_entry_name(e);
      if (!safe_component(name)) continue;
      entry(e, path.empty() ? name : path + "/" + name);
    }
  }

 private:
  void blob(const git_oid& id, const std::string& path) {
    if (keep_ && !keep_(path)) return;
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, repo_, &id) != 0) missing(path);
    Blob b(raw);
    const fs::path out = root_ / path;
    std::error_code ec;
    fs::create_directories(out.parent_path(), ec);
    std::ofstream file(out, std::ios::binary);
    file.write(static_cast<const char*>(git_blob_rawcontent(b.get())),
               static_cast<std::streamsize>(git_blob_rawsize(b.get())));
    if (ec || !file) {
      throw InputError(Location{path, 0, 0}, "cannot export " + label_ + " to " + out.string());
    }
    files_.push_back(path);
  }

  // A link to a file inside the commit is exported as that file's content, as the working tree
  // presents it to loaders. Links that leave the repository, or name directories, are skipped:
  // loaders refuse the first and do not descend into the second on the NEW side either.
  void link(const git_tree_entry* e, const std::string& path, int hops) {
    if (hops > 8 || root_tree_ == nullptr) return;
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, repo_, git_tree_entry_id(e)) != 0) missing(path);
    Blob b(raw);
    const std::string target(static_cast<const char*>(git_blob_rawcontent(b.get())),
                             static_cast<size_t>(git_blob_rawsize(b.get())));
    if (target.empty() || target.front() == '/' || target.find('\0') != std::string::npos) return;
    const fs::path parent = fs::path(path).parent_path();
    const std::string resolved = (parent / target).lexically_normal().generic_string();
    if (resolved.empty() || resolved.starts_with("..")) return;
    git_tree_entry* found = nullptr;
    if (git_tree_entry_bypath(&found, root_tree_, resolved.c_str()) != 0) return;
    TreeEntry t(found);
    const git_filemode_t mode = git_tree_entry_filemode(t.get());
    if (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE) {
      blob(*git_tree_entry_id(t.get()), path);
    } else if (mode == GIT_FILEMODE_LINK) {
      link(t.get(), path, hops + 1);
    }
  }

  [[noreturn]] void missing(const std::string& path) {
    throw InputError(Location{path, 0, 0}, "object missing in " + label_ + " (" + last_error() +
                                               "); the clone is partial or shallow: git fetch "
                                               "--unshallow, or actions/checkout with "
                                               "fetch-depth: 0");
  }

  git_repository* repo_;
  fs::path root_;
  std::string label_;
  const std::function<bool(std::string_view)>& keep_;
  std::vector<std::string>& files_;
  const git_tree* root_tree_ = nullptr;
};

}  // namespace

std::string workdir_of(const std::string& path) {
  Repo repo = open_repo(path);
  if (!repo || git_repository_is_bare(repo.get())) return {};
  return normal_dir(git_repository_workdir(repo.get()));
}

Snapshot::Snapshot(const std::string& repo_path, const std::string& ref,
                   const std::vector<std::string>& paths,
                   const std::function<bool(std::string_view)>& keep)
    : ref_(ref) {
  Repo repo = open_repo(repo_path);
  if (!repo) {
    throw InputError(Location{repo_path, 0, 0},
                     "not inside a git repository (needed to read git:" + ref + ")");
  }
  if (git_repository_is_bare(repo.get())) {
    throw InputError(Location{repo_path, 0, 0}, "a bare repository has no working tree to compare");
  }
  workdir_ = normal_dir(git_repository_workdir(repo.get()));
  const std::string label = "git:" + ref;

  if (git_repository_head_unborn(repo.get()) == 1) {
    // Before the first commit, HEAD names nothing: everything in the working tree is new, so
    // there is nothing to break (a pre-commit hook's first run). Other refs are mistakes.
    if (ref != "HEAD") {
      throw InputError({}, "git ref '" + ref + "' not found: the repository has no commits yet");
    }
    make_root();
    return;
  }
  git_object* raw = nullptr;
  if (ref.empty() || git_revparse_single(&raw, repo.get(), ref.c_str()) != 0) {
    throw InputError({}, "git ref '" + ref + "' not found; " + fetch_hint(repo.get(), ref));
  }
  Object named(raw);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, named.get(), GIT_OBJECT_COMMIT) != 0) {
    throw InputError({}, "git ref '" + ref + "' does not name a commit (" + last_error() + ")");
  }
  Object commit(peeled);
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, git_object_id(commit.get()));
  commit_ = hex;
  git_tree* tree_raw = nullptr;
  if (git_commit_tree(&tree_raw, reinterpret_cast<git_commit*>(commit.get())) != 0) {
    throw InputError({}, "cannot read the tree of " + label + " (" + last_error() + ")");
  }
  Tree tree(tree_raw);

  make_root();
  try {
    Exporter exporter(repo.get(), root_, label, keep, files_);
    exporter.set_root(tree.get());
    std::vector<std::string> wanted = paths;
    if (wanted.empty()) wanted.emplace_back();
    for (std::string p : wanted) {
      p = fs::path(p).lexically_normal().generic_string();
      while (!p.empty() && p.back() == '/') p.pop_back();
      if (p.empty() || p == ".") {
        exporter.tree(*git_tree_id(tree.get()), "");
        continue;
      }
      if (p.starts_with("../") || p == ".." || fs::path(p).is_absolute()) {
        throw InputError(Location{p, 0, 0}, "path is outside the repository " + workdir_);
      }
      git_tree_entry* found = nullptr;
      if (git_tree_entry_bypath(&found, tree.get(), p.c_str()) != 0) continue;
      TreeEntry e(found);
      exporter.entry(e.get(), p);
      // A single file comes with its folder: the root its loader resolves siblings from (a
      // JSON Schema's "$ref": "common.json", a proto's import of its neighbour).
      const std::string folder = fs::path(p).parent_path().generic_string();
      if (git_tree_entry_type(e.get()) != GIT_OBJECT_BLOB) continue;
      if (folder.empty()) {
        exporter.tree(*git_tree_id(tree.get()), "");
      } else if (git_tree_entry_bypath(&found, tree.get(), folder.c_str()) == 0) {
        TreeEntry dir(found);
        exporter.entry(dir.get(), folder);
      }
    }
  } catch (...) {
    std::error_code ec;
    fs::remove_all(root_, ec);
    throw;
  }
  std::sort(files_.begin(), files_.end());
  files_.erase(std::unique(files_.begin(), files_.end()), files_.end());
}

void Snapshot::make_root() {
  const char* tmp = std::getenv("TMPDIR");
  std::string templ =
      std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/breakwater-git-XXXXXX";
  if (mkdtemp(templ.data()) == nullptr) {
    throw InputError(Location{templ, 0, 0}, "cannot create a temporary directory");
  }
  root_ = templ;
}

Snapshot::~Snapshot() {
  std::error_code ec;
  if (!root_.empty()) fs::remove_all(root_, ec);
}

}  // namespace breakwater::git

namespace breakwater::git {

MergeBase merge_base_with_head(const std::string& workdir, const std::string& ref) {
  Repo repo = open_repo(workdir);
  if (!repo || git_repository_head_unborn(repo.get()) == 1) return {};
  git_object* raw_object = nullptr;
  git_reference* raw_ref = nullptr;
  if (git_revparse_ext(&raw_object, &raw_ref, repo.get(), ref.c_str()) != 0) return {};
  Object named(raw_object);
  const std::unique_ptr<git_reference, Deleter<git_reference, git_reference_free>> reference(
      raw_ref);
  if (!reference ||
      (git_reference_is_branch(reference.get()) == 0 && git_reference_is_remote(reference.get()) == 0))
    return {};
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, named.get(), GIT_OBJECT_COMMIT) != 0) return {};
  Object branch(peeled);
  git_oid head{};
  if (git_reference_name_to_id(&head, repo.get(), "HEAD") != 0) return {};
  git_oid base{};
  if (git_merge_base(&base, repo.get(), &head, git_object_id(branch.get())) != 0) {
    return {"", true};
  }
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, &base);
  return {hex, false};
}

std::vector<std::string> worktree_files(const std::string& workdir) {
  Repo repo = open_repo(workdir);
  if (!repo) throw InputError(Location{workdir, 0, 0}, "not inside a git repository");
  git_status_options opts = GIT_STATUS_OPTIONS_INIT;
  opts.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
  opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
               GIT_STATUS_OPT_INCLUDE_UNMODIFIED | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  git_status_list* raw = nullptr;
  if (git_status_list_new(&raw, repo.get(), &opts) != 0) {
    throw InputError(Location{workdir, 0, 0}, "cannot list the working tree: " + last_error());
  }
  std::unique_ptr<git_status_list, Deleter<git_status_list, git_status_list_free>> list(raw);
  std::vector<std::string> files;
  const size_t n = git_status_list_entrycount(list.get());
  for (size_t i = 0; i < n; ++i) {
    const git_status_entry* e = git_status_byindex(list.get(), i);
    if ((e->status & (GIT_STATUS_WT_DELETED | GIT_STATUS_IGNORED)) != 0) continue;
    const git_diff_delta* d = e->index_to_workdir;
    if (d == nullptr || d->new_file.path == nullptr) continue;
    files.emplace_back(d->new_file.path);
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

}  // namespace breakwater::git
