// The library's one-comparison entry points (load_schema, check): two local paths, nothing
// filtered; the CLI's runs go through run.cpp's stages instead.
#include <breakwater/check.hpp>

#include "core/engine.hpp"
#include "core/read_input.hpp"
#include "core/trace.hpp"

namespace breakwater {

using detail::format_for;

Schema load_schema(const std::string& path, const LoadOptions& options) {
  const detail::FormatPlugin& format = format_for(path, options.lang);
  const auto own = detail::read_format_options(format, options.format_options);
  return format.load(path, options, *own);
}

CheckResult check(const std::string& old_path, const std::string& new_path,
                  const CheckOptions& options) {
  const detail::FormatPlugin& format = format_for(new_path, options.load.lang);
  if (options.load.lang.empty()) {
    const detail::FormatPlugin& old_format = format_for(old_path, options.load.lang);
    if (&old_format != &format) {
      throw InputError(Location{old_path, 0, 0}, "OLD is " + std::string(old_format.name) +
                                                     " but NEW is " + std::string(format.name));
    }
  }
  // Select and read options first: a typo must fail before any expensive parsing.
  detail::RuleSelection enabled =
      detail::select_rules(format, options.use, options.except, options.policy);
  const auto own = detail::read_format_options(format, options.load.format_options);
  // A library caller compares its own files: no root check, but only regular files, bounded.
  detail::ReadPolicy policy;
  if (options.max_file_bytes != 0) policy.max_bytes = options.max_file_bytes;
  const detail::ReadPolicyScope bounded(std::move(policy));
  Schema old_schema = format.load(old_path, options.load, *own);
  Schema new_schema = format.load(new_path, options.load, *own);
  detail::Trace trace("check");
  CheckResult result;
  result.format = std::string(format.name);
  result.rules_run = enabled.ids();
  result.findings = detail::run_rules(format, old_schema, new_schema, enabled,
                                      {options.load.jobs, options.compat});
  trace.lap("rules");
  return result;
}

}  // namespace breakwater
