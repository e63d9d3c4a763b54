#include "cli/commands.hpp"

#include <breakwater/rules.hpp>

#include "config/config.hpp"
#include "core/engine.hpp"

#include <sys/stat.h>
#include <unistd.h>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

namespace breakwater::cli {
namespace {

// A report that is not written must not pass for one: a failed write exits 2. A file is
// written beside its target and renamed over it, so a link committed under the report's name
// (breakwater.sarif -> ~/.bashrc) is never followed, and a reader never sees half a report.
void write_output(const std::string& text, const std::string& path) {
  if (path.empty() || path == "-") {
    const size_t written = std::fwrite(text.data(), 1, text.size(), stdout);
    if (written != text.size() || std::fflush(stdout) != 0) {
      throw InputError({}, std::string("cannot write the report to standard output: ") +
                               std::strerror(errno));
    }
    return;
  }
  struct stat st {};
  if (lstat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    throw InputError(Location{path, 0, 0},
                     S_ISLNK(st.st_mode) ? "--output: is a symbolic link; not followed"
                                         : "--output: not a regular file; not written");
  }
  std::string temp = path + ".XXXXXX";
  const int fd = mkstemp(temp.data());
  if (fd < 0) {
    throw InputError(Location{path, 0, 0},
                     std::string("--output: cannot write beside it: ") + std::strerror(errno));
  }
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  const mode_t mask = umask(0);
  umask(mask);
  const bool ok = done == text.size() && fchmod(fd, 0666 & ~mask) == 0 && ::close(fd) == 0;
  if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(temp.c_str());
    throw InputError(Location{path, 0, 0}, "--output: write failed: " + why);
  }
}

bool to_stdout(const std::string& output) {
  return output.empty() || output == "-";
}

bool want_colour(const std::string& mode, const ReportTarget& target) {
  if (mode == "always") return true;
  if (mode == "never" || target.format != "text") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return to_stdout(target.output) && isatty(fileno(stdout)) != 0;
}

void check_reports(std::vector<ReportTarget>& reports) {
  if (reports.empty()) reports.push_back({"text", ""});
  int on_stdout = 0;
  std::set<std::string> files;
  for (const ReportTarget& r : reports) {
    on_stdout += to_stdout(r.output) ? 1 : 0;
    if (!to_stdout(r.output) && !files.insert(r.output).second) {
      throw InputError({}, "--output " + r.output + " is given to two formats");
    }
  }
  if (on_stdout > 1) {
    throw InputError({},
                     "--format: only one report can go to stdout; give the others --output FILE");
  }
}

// Splits the positional inputs into OLD and NEW.
void place_inputs(CheckArgs& args) {
  if (args.inputs.size() > 2) throw InputError({}, "expected [OLD] NEW, got more inputs");
  if (args.inputs.size() == 2) {
    args.run.old_input = args.inputs[0];
    args.run.new_input = args.inputs[1];
  } else if (args.inputs.size() == 1) {
    if (args.run.against.empty()) {
      throw InputError({}, "one input given: compare it with --against REF, or give OLD NEW");
    }
    args.run.new_input = args.inputs[0];
  } else if (args.run.against.empty()) {
    throw InputError({}, "give OLD NEW, NEW --against REF, or --against REF for every module");
  }
}

std::string canonical_format(const std::string& lang) {
  if (lang.empty()) return {};
  const detail::FormatPlugin* f = detail::find_format(lang);
  if (f != nullptr) return std::string(f->name);
  // Formats without a loader of their own (breakwater's checks of its own config) still list.
  for (const RuleInfo& r : catalog()) {
    if (r.format == lang) return lang;
  }
  throw InputError({}, "--lang: unknown language '" + lang + "' (supported: " +
                           detail::lang_names() + ", breakwater)");
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string markdown_cell(std::string text) {
  for (char& c : text) {
    if (c == '|') c = '/';
    if (c == '\n') c = ' ';
  }
  return text;
}

std::string joined(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

}  // namespace

int run_check(CheckArgs args) {
  place_inputs(args);
  check_reports(args.reports);
  args.run.free_models = false;  // the process ends after the report
  const RunResult outcome = run(args.run);
  for (const std::string& w : outcome.warnings) std::fprintf(stderr, "%s\n", w.c_str());
  ReportOptions base;
  base.source_root = outcome.source_root;
  const std::string fail_on = !args.fail_on.empty()      ? args.fail_on
                              : !outcome.fail_on.empty() ? outcome.fail_on
                                                         : "error";
  if (fail_on == "never") {
    base.fail_never = true;
  } else if (!parse_severity(fail_on, base.fail_on)) {
    throw InputError({}, "--fail-on: expected error, warning, info or never");
  }
  for (const ReportTarget& target : args.reports) {
    ReportOptions report = base;
    report.format = target.format;
    report.color = want_colour(args.color, target);
    write_output(render(outcome.result, report), target.output);
    if (target.format == "github") write_github_side_outputs(outcome.result, report);
  }
  return exit_status(outcome.result, base);
}

int run_baseline_write(CheckArgs args, const std::string& file) {
  place_inputs(args);
  args.run.apply_baseline = false;
  const RunResult outcome = run(args.run);
  write_output(baseline_for(outcome.result), file);
  int recorded = 0;
  for (const Finding& f : outcome.result.findings) {
    recorded += !f.suppressed && f.format != "breakwater" ? 1 : 0;
  }
  std::fprintf(stderr, "breakwater: recorded %d finding%s in %s\n", recorded,
               recorded == 1 ? "" : "s", file.c_str());
  return 0;
}

int run_init(const std::string& path, bool force) {
  std::error_code ec;
  if (!force && std::filesystem::exists(path, ec)) {
    throw InputError(Location{path, 0, 0}, "already exists (use --force to overwrite)");
  }
  write_output(config::starter(), path);
  std::fprintf(stderr, "breakwater: wrote %s\n", path.c_str());
  return 0;
}

int run_rules(const std::string& lang, const std::string& format, bool list_formats) {
  if (list_formats) {
    // The registry's formats, then breakwater's own checks: what the rule reference covers.
    for (const detail::FormatPlugin* f : detail::formats()) {
      std::printf("%.*s\n", static_cast<int>(f->name.size()), f->name.data());
    }
    std::printf("breakwater\n");
    return 0;
  }
  const std::string only = canonical_format(lang);
  std::vector<const RuleInfo*> rules;
  for (const RuleInfo& r : catalog()) {
    if (only.empty() || r.format == only) rules.push_back(&r);
  }
  std::string out;
  if (format == "json") {
    out = rules_json(rules);
  } else if (format == "markdown") {
    out = "| Rule | Categories | Severity | Summary |\n|---|---|---|---|\n";
    for (const RuleInfo* r : rules) {
      out +=
          "| [`" + r->id + "`](#" + lower(r->id) + ") | " + joined(r->categories, ", ") + " | " +
          std::string(to_string(r->severity)) + " | " + markdown_cell(r->summary) +
          (r->available ? "" : " *(unavailable: " + markdown_cell(r->unavailable_reason) + ")*") +
          " |\n";
    }
    // One section per rule: the anchor reports link to (help_uri).
    for (const RuleInfo* r : rules) {
      out += "\n### " + r->id + "\n\n" + r->summary + "\n\n**Why it breaks.** " + r->why +
             "\n\n**Instead.** " + r->fix + "\n";
      for (const std::string& policy : r->quiet_under)
        out += "\nQuiet under `--policy " + policy + "`.\n";
      if (!r->example.empty())
        out += "\n```\n" + r->example + (r->example.ends_with('\n') ? "" : "\n") + "```\n";
    }
  } else if (format == "text") {
    size_t width = 0;
    for (const RuleInfo* r : rules) width = std::max(width, r->id.size());
    for (const RuleInfo* r : rules) {
      out += r->id + std::string(width + 2 - r->id.size(), ' ') + joined(r->categories, ",") +
             "  " + r->summary + (r->available ? "" : " (unavailable)") + "\n";
    }
  } else {
    throw InputError({}, "--format: expected text, json or markdown");
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int run_explain(const std::string& rule_id) {
  const RuleInfo* r = find_rule(rule_id);
  if (r == nullptr) throw InputError({}, "unknown rule '" + rule_id + "' (see `breakwater rules`)");
  std::string out = r->id + " (" + r->format + "; " + joined(r->categories, ", ") + "; " +
                    std::string(to_string(r->severity)) + ")\n\n" + r->summary +
                    "\n\nWhy it breaks:\n  " + r->why + "\n\nInstead:\n  " + r->fix + "\n";
  if (!r->example.empty()) {
    out += "\nExample:\n";
    size_t start = 0;
    while (start <= r->example.size()) {
      const size_t end = r->example.find('\n', start);
      out += "  " +
             r->example.substr(start, end == std::string::npos ? std::string::npos : end - start) +
             "\n";
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  if (!r->available) out += "\nUnavailable: " + r->unavailable_reason + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int run_dump(const std::string& path, const LoadOptions& options) {
  const Schema schema = load_schema(path, options);
  const std::string out = dump_json(schema);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace breakwater::cli
