#include "cli/commands.hpp"

#include <breakwater/rules.hpp>

#include "core/engine.hpp"

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

namespace breakwater::cli {
namespace {

void write_output(const std::string& text, const std::string& path) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return;
  }
  std::ofstream out(path, std::ios::binary);
  if (!out) throw InputError(Location{path, 0, 0}, "--output: cannot write file");
  out << text;
  if (!out) throw InputError(Location{path, 0, 0}, "--output: write failed");
}

bool want_colour(const CheckArgs& args) {
  if (args.color == "always") return true;
  if (args.color == "never" || args.format != "text") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return (args.output.empty() || args.output == "-") && isatty(fileno(stdout)) != 0;
}

std::string canonical_format(const std::string& lang) {
  if (lang.empty()) return {};
  const detail::FormatPlugin* f = detail::find_format(lang);
  if (f == nullptr)
    throw InputError({}, "--lang: unknown language '" + lang + "' (supported: proto)");
  return std::string(f->name);
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

int run_check(const CheckArgs& args) {
  ReportOptions report;
  report.format = args.format;
  if (args.fail_on == "never") {
    report.fail_never = true;
  } else if (!parse_severity(args.fail_on, report.fail_on)) {
    throw InputError({}, "--fail-on: expected error, warning, info or never");
  }
  report.color = want_colour(args);
  const CheckResult result = check(args.old_path, args.new_path, args.options);
  write_output(render(result, report), args.output);
  return exit_status(result, report);
}

int run_rules(const std::string& lang, const std::string& format) {
  const std::string only = canonical_format(lang);
  std::vector<const RuleInfo*> rules;
  for (const RuleInfo& r : catalog()) {
    if (only.empty() || r.format == only) rules.push_back(&r);
  }
  std::string out;
  if (format == "json") {
    out = rules_json(rules);
  } else if (format == "markdown") {
    out = "| Rule | Categories | Summary |\n|---|---|---|\n";
    for (const RuleInfo* r : rules) {
      out +=
          "| `" + r->id + "` | " + joined(r->categories, ", ") + " | " + markdown_cell(r->summary) +
          (r->available ? "" : " *(unavailable: " + markdown_cell(r->unavailable_reason) + ")*") +
          " |\n";
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
