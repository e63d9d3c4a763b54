// Baselines: the findings a repository has accepted, recorded by fingerprint so that adopting
// breakwater on a codebase with existing breaks does not fail every build.
#pragma once

#include <breakwater/finding.hpp>

#include <string>
#include <vector>

namespace breakwater::detail {

// The baseline file for `findings` (unsuppressed ones; meta findings about breakwater's own
// configuration are never recorded). One entry per line, so stale entries can be located.
std::string baseline_text(const std::vector<Finding>& findings);

// Marks findings recorded in the baseline at `path` (source "baseline") and returns one raw
// BASELINE_ENTRY_STALE finding per entry that matched nothing. Bad files throw InputError.
// `shown` is how reports name the file (repository-relative in git mode).
std::vector<Finding> apply_baseline(const std::string& path, const std::string& shown,
                                    std::vector<Finding>& findings);

}  // namespace breakwater::detail
