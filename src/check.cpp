#include <breakwater/check.hpp>

#include "core/engine.hpp"
#include "core/trace.hpp"

#include <filesystem>

namespace breakwater {

InputError::InputError(Location where, const std::string& message)
    : std::runtime_error(message), where_(std::move(where)) {}

std::string InputError::one_line() const {
  const std::string out = where_.known() ? where_.text() + ": " : "";
  std::string text = what();
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return out + "error: " + text;
}

namespace detail {

const FormatPlugin& format_for(const std::string& path, const std::string& lang) {
  if (!lang.empty()) {
    const detail::FormatPlugin* f = detail::find_format(lang);
    if (f == nullptr) throw InputError({}, "--lang: unknown language '" + lang + "'");
    return *f;
  }
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw InputError(Location{path, 0, 0}, "no such file or directory");
  }
  for (const detail::FormatPlugin* f : detail::formats()) {
    if (f->claims(path)) return *f;
  }
  throw InputError(Location{path, 0, 0},
                   "cannot tell the input's format; pass --lang (supported: proto, sql)");
}

}  // namespace detail

using detail::format_for;

Schema load_schema(const std::string& path, const LoadOptions& options) {
  return format_for(path, options.lang).load(path, options);
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
  // Select first: a typo in --use must fail before any expensive parsing.
  detail::RuleSelection enabled =
      detail::select_rules(format, options.use, options.except, options.policy);
  Schema old_schema = format.load(old_path, options.load);
  Schema new_schema = format.load(new_path, options.load);
  detail::Trace trace("check");
  CheckResult result;
  result.format = std::string(format.name);
  result.rules_run.assign(enabled.ids().begin(), enabled.ids().end());
  result.findings = detail::run_rules(format, old_schema, new_schema, enabled,
                                      {options.load.jobs, options.compat});
  trace.lap("rules");
  return result;
}

}  // namespace breakwater
