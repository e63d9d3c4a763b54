// Every file breakwater reads goes through here, under one containment policy: inputs, imports,
// $refs, config, baselines, compilation databases. Pull requests are untrusted, so links are
// followed and the file they reach must lie inside the run's roots (the repository, a commit's
// exported copy, the inputs and paths named on the command line) or a format's read-only system
// folder; only regular files are opened (never a FIFO or /dev/zero), up to a size limit. A
// refused file is named, never quoted.
#pragma once

#include <breakwater/check.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace breakwater::detail {

inline constexpr std::uintmax_t kDefaultMaxFileBytes = std::uintmax_t{256} << 20;  // 256 MiB

struct ReadPolicy {
  // Files and folders reads may resolve into (links followed). Empty: no root check, for a
  // library caller comparing its own files.
  std::vector<std::filesystem::path> roots;
  std::uintmax_t max_bytes = kDefaultMaxFileBytes;
};

// The policy in force for the process, installed by a run before anything is read and restored
// when the scope ends. Reads may happen on any thread while it is in force.
class ReadPolicyScope {
 public:
  explicit ReadPolicyScope(ReadPolicy policy);
  ~ReadPolicyScope();
  ReadPolicyScope(const ReadPolicyScope&) = delete;
  ReadPolicyScope& operator=(const ReadPolicyScope&) = delete;

 private:
  std::shared_ptr<const ReadPolicy> previous_;
};
// Adds a root to the policy in force (a commit exported after the run began).
void allow_reads_under(const std::filesystem::path& root);

// Why `path` may not be read under the policy ("" = it may): it does not exist, is no regular
// file, resolves outside the roots, or is over the size limit.
std::string refusal(const std::filesystem::path& path);

// For a folder walk, given an entry whose name makes it an input: true for a regular file (or a
// link to one, checked when read); a FIFO, device or dangling link is an InputError, so an input
// is never skipped silently.
bool regular_input(const std::filesystem::directory_entry& entry);

// The file's text (a UTF-8 byte order mark removed), or nothing when it is refused or cannot
// be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

// Whether the file (allowed by the policy) holds `needle`, read in blocks: a large file is
// searched without being held whole.
bool file_contains(const std::filesystem::path& path, std::string_view needle);

// The file's bytes; a refused or unreadable file is an InputError naming it as `shown`, its
// reason led by `what` ("baseline: ").
std::string read_input(const std::filesystem::path& path, const std::string& shown,
                       std::string_view what = {});

}  // namespace breakwater::detail
