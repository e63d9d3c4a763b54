#include "core/read_input.hpp"

#include "core/paths.hpp"

#include <cstdio>
#include <memory>
#include <mutex>
#include <utility>

namespace breakwater::detail {
namespace {

namespace fs = std::filesystem;

std::mutex policy_mutex;
std::shared_ptr<const ReadPolicy>& current() {
  static std::shared_ptr<const ReadPolicy> policy = std::make_shared<const ReadPolicy>();
  return policy;
}

std::shared_ptr<const ReadPolicy> snapshot() {
  std::lock_guard lock(policy_mutex);
  return current();
}

// Both absolute and canonical: the root itself, or below it.
bool under(const fs::path& p, const fs::path& root) {
  const fs::path rel = p.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

fs::path real(const fs::path& p) {
  std::error_code ec;
  fs::path out = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? fs::absolute(p, ec).lexically_normal() : out;
}

std::string mebibytes(std::uintmax_t bytes) {
  return std::to_string((bytes + (std::uintmax_t{1} << 20) - 1) >> 20) + " MiB";
}

}  // namespace

ReadPolicyScope::ReadPolicyScope(ReadPolicy policy) {
  for (fs::path& r : policy.roots) r = real(r);
  auto next = std::make_shared<const ReadPolicy>(std::move(policy));
  std::lock_guard lock(policy_mutex);
  previous_ = std::exchange(current(), std::move(next));
}

ReadPolicyScope::~ReadPolicyScope() {
  std::lock_guard lock(policy_mutex);
  current() = std::move(previous_);
}

void allow_reads_under(const fs::path& root) {
  std::lock_guard lock(policy_mutex);
  if (current()->roots.empty()) return;  // no root check in force
  auto next = std::make_shared<ReadPolicy>(*current());
  next->roots.push_back(real(root));
  current() = std::move(next);
}

std::string refusal(const fs::path& path) {
  const std::shared_ptr<const ReadPolicy> policy = snapshot();
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);  // follows links
  if (ec || !fs::exists(status)) return "no such file";
  if (!policy->roots.empty()) {
    const fs::path target = real(path);
    bool inside = false;
    for (const fs::path& root : policy->roots) inside = inside || under(target, root);
    if (!inside) return "leads outside the repository and the inputs (links are followed); not read";
  }
  if (!fs::is_regular_file(status)) return "not a regular file; not read";
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > policy->max_bytes) {
    return "is " + mebibytes(size) + ", over the limit of " + mebibytes(policy->max_bytes) +
           " per file (--max-file-size); not read";
  }
  return {};
}

bool regular_input(const fs::directory_entry& entry) {
  std::error_code ec;
  if (entry.is_regular_file(ec)) return true;
  if (entry.is_directory(ec)) return false;
  throw InputError(Location{shown_path(entry.path()), 0, 0},
                   ec ? "cannot read: " + ec.message() : "not a regular file; not read");
}

namespace {

// The bytes of a file `refusal` has allowed.
std::optional<std::string> read_allowed(const fs::path& path) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"),
                                                          &std::fclose);
  if (!f) return std::nullopt;
  const std::uintmax_t limit = snapshot()->max_bytes;
  std::string out;
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > 0) {
    out.resize(size);
    out.resize(std::fread(out.data(), 1, size, f.get()));
  }
  // A file that grows while read (or reports no size, like /proc's) stops at the limit.
  char block[65536];
  for (size_t n; out.size() <= limit && (n = std::fread(block, 1, sizeof block, f.get())) > 0;)
    out.append(block, n);
  if (std::ferror(f.get()) || out.size() > limit) return std::nullopt;
  // A UTF-8 byte order mark (Windows editors write one) is no part of the text: parsers would
  // stop at an invisible character, and columns on the first line would be off by one.
  if (out.starts_with("\xEF\xBB\xBF")) out.erase(0, 3);
  return out;
}

}  // namespace

std::optional<std::string> read_file(const fs::path& path) {
  if (!refusal(path).empty()) return std::nullopt;
  return read_allowed(path);
}

bool file_contains(const fs::path& path, std::string_view needle) {
  if (!refusal(path).empty()) return false;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"),
                                                          &std::fclose);
  if (!f || needle.empty()) return f != nullptr;
  const std::uintmax_t limit = snapshot()->max_bytes;
  // Each block is searched with the end of the one before, so a needle across two is found.
  std::string window;
  char block[65536];
  std::uintmax_t total = 0;
  for (size_t n; total <= limit && (n = std::fread(block, 1, sizeof block, f.get())) > 0;) {
    total += n;
    window.append(block, n);
    if (window.find(needle) != std::string::npos) return true;
    window.erase(0, window.size() - std::min(window.size(), needle.size() - 1));
  }
  return false;
}

std::string read_input(const fs::path& path, const std::string& shown, std::string_view what) {
  const std::string why = refusal(path);
  if (!why.empty()) throw InputError(Location{shown, 0, 0}, std::string(what) + why);
  std::optional<std::string> text = read_allowed(path);
  if (!text) throw InputError(Location{shown, 0, 0}, "cannot read file");
  return std::move(*text);
}

}  // namespace breakwater::detail
