// Facts every reporter shares: what counts, in which order, and what a rule says about itself.
#include <breakwater/rules.hpp>

#include "report/reporters.hpp"

#include <algorithm>
#include <set>

namespace breakwater::detail {

bool fails(const Finding& f, const ReportOptions& options) {
  return !options.fail_never && !f.suppressed && f.severity >= options.fail_on;
}

Tally tally(const CheckResult& result) {
  Tally t;
  std::set<std::string> files;
  for (const Finding& f : result.findings) {
    if (f.suppressed) {
      ++t.suppressed;
      continue;
    }
    (f.severity == Severity::error     ? t.error
     : f.severity == Severity::warning ? t.warning
                                       : t.info)++;
    files.insert(f.location.file);
  }
  t.files = static_cast<int>(files.size());
  return t;
}

RuleInfo rule_of(const Finding& f) {
  if (const RuleInfo* r = find_rule(f.rule_id)) return *r;
  // Not in the catalog (a meta rule added without an entry, or a test): describe it from the
  // finding so SARIF still gets a complete rule and every link still has a target.
  RuleInfo r;
  r.id = f.rule_id;
  r.format = f.format;
  r.categories = f.categories;
  r.severity = f.severity;
  r.summary = "Rule " + f.rule_id + " (not in this build's catalog).";
  r.fix = f.fix;
  return r;
}

std::string rule_help_uri(const Finding& f) {
  if (const RuleInfo* r = find_rule(f.rule_id)) return help_uri(*r);
  return help_uri(rule_of(f));
}

std::vector<const Finding*> by_severity(const CheckResult& result) {
  std::vector<const Finding*> out;
  for (const Finding& f : result.findings) {
    if (!f.suppressed) out.push_back(&f);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  return out;
}

bool shows_old(const Finding& f) {
  return f.old_location.known() &&
         !(f.old_location.file == f.location.file && f.old_location.line == f.location.line);
}

std::string fail_on_text(const ReportOptions& options) {
  return options.fail_never ? "never" : std::string(to_string(options.fail_on));
}

std::string escape_chars(std::string_view text,
                         std::initializer_list<std::pair<char, std::string_view>> table) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto* hit = std::find_if(table.begin(), table.end(),
                                   [c](const auto& entry) { return entry.first == c; });
    if (hit != table.end()) {
      out += hit->second;
    } else {
      out += c;
    }
  }
  return out;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    bool ok = len > 0 && i + len <= text.size();
    for (size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    }
    if (ok && len > 1) {
      // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 either.
      uint32_t cp = c & (0x7F >> len);
      for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
      static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
      ok = cp >= kMin[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (ok) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::string compared_text(const ComparedModule& m) {
  auto joined = [](const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
  };
  std::string out = m.old_input + " \u2192 " + m.new_input + " as " + m.format + ": " +
                    std::to_string(m.old_files) + " \u2192 " + std::to_string(m.new_files) +
                    " files, " + std::to_string(m.rules) + (m.rules == 1 ? " rule" : " rules");
  if (!m.use.empty() || !m.except.empty()) {
    out += " (" + joined(m.use);
    if (!m.except.empty()) out += std::string(m.use.empty() ? "" : "; ") + "except " + joined(m.except);
    out += ")";
  }
  out += m.config.empty() ? "; no config" : "; config " + m.config;
  return out;
}

}  // namespace breakwater::detail
