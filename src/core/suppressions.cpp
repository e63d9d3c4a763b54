#include "core/suppressions.hpp"

#include <breakwater/rules.hpp>

#include "rule_ids/breakwater.hpp"

#include <algorithm>

namespace breakwater::detail {
namespace {

constexpr std::string_view kDirective = "breakwater:ignore";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

uint32_t code_points(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Where a comment starts on this line, if it starts with one of the markers.
size_t comment_start(std::string_view line, const std::vector<std::string_view>& markers,
                     size_t from = 0) {
  size_t best = std::string_view::npos;
  for (std::string_view m : markers) best = std::min(best, line.find(m, from));
  return best;
}

// Whether `pos` lies inside a string literal that starts earlier on the line: a marker there
// (json_name = "// breakwater:ignore ...") is text, not a comment.
bool in_string(std::string_view line, size_t pos) {
  char quote = 0;
  for (size_t i = 0; i < pos && i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0 && c == '\\') {
      ++i;
    } else if (quote == 0 && (c == '"' || c == '\'')) {
      quote = c;
    } else if (c == quote) {
      quote = 0;
    }
  }
  return quote != 0;
}

bool comment_only(std::string_view line, const std::vector<std::string_view>& markers) {
  const std::string_view t = trim(line);
  return std::any_of(markers.begin(), markers.end(),
                     [&](std::string_view m) { return t.starts_with(m); });
}

bool names_rule(const std::string& token, const Finding& f) {
  return token == f.rule_id ||
         std::find(f.categories.begin(), f.categories.end(), token) != f.categories.end();
}

bool known_name(const std::string& token) {
  for (const RuleInfo& r : catalog()) {
    if (r.id == token) return true;
    if (std::find(r.categories.begin(), r.categories.end(), token) != r.categories.end()) {
      return true;
    }
  }
  return false;
}

Finding meta(RuleId rule, const InlineSuppression& s, std::string message) {
  Finding f;
  f.rule_id = std::string(rule.id());
  f.location = s.at;
  f.entity = s.at.file;
  f.message = std::move(message);
  return f;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
  return out;
}

}  // namespace

void read_directive(std::string_view body, InlineSuppression& s) {
  body = trim(body);
  const size_t space = body.find_first_of(" \t");
  const std::string_view names = body.substr(0, space);
  s.reason = std::string(space == std::string_view::npos ? "" : trim(body.substr(space)));
  for (size_t b = 0; b <= names.size();) {
    const size_t comma = names.find(',', b);
    const std::string_view one =
        names.substr(b, comma == std::string_view::npos ? std::string_view::npos : comma - b);
    if (!one.empty()) s.rules.emplace_back(one);
    if (comma == std::string_view::npos) break;
    b = comma + 1;
  }
}

std::vector<InlineSuppression> scan_suppressions(std::string_view text, const std::string& path,
                                                 const std::vector<std::string_view>& markers) {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= text.size();) {
    const size_t end = text.find('\n', start);
    lines.push_back(
        text.substr(start, end == std::string_view::npos ? text.size() - start : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  std::vector<InlineSuppression> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    for (size_t pos = comment_start(line, markers); pos != std::string_view::npos;
         pos = comment_start(line, markers, pos + 1)) {
      if (in_string(line, pos)) continue;
      size_t marker_len = 0;
      for (std::string_view m : markers) {
        if (line.substr(pos).starts_with(m)) marker_len = std::max(marker_len, m.size());
      }
      std::string_view body = trim(line.substr(pos + marker_len));
      if (!body.starts_with(kDirective)) continue;
      body.remove_prefix(kDirective.size());
      if (!body.empty() && body.front() != ' ' && body.front() != '\t') continue;
      body = trim(body);
      InlineSuppression s;
      s.at = Location{path, static_cast<uint32_t>(i + 1), code_points(line.substr(0, pos)) + 1};
      read_directive(body, s);
      s.covers = static_cast<uint32_t>(i + 1);
      if (trim(line.substr(0, pos)).empty()) {
        size_t next = i + 1;
        while (next < lines.size() &&
               (trim(lines[next]).empty() || comment_only(lines[next], markers))) {
          ++next;
        }
        s.covers = static_cast<uint32_t>(next + 1);
      }
      out.push_back(std::move(s));
      break;  // one directive per line
    }
  }
  return out;
}

std::vector<Finding> apply_suppressions(std::vector<InlineSuppression>& suppressions,
                                        std::vector<Finding>& findings,
                                        const std::function<bool(const std::string&)>& active) {
  std::vector<Finding> about;
  for (InlineSuppression& s : suppressions) {
    if (s.rules.empty()) {
      about.push_back(meta(rules::breakwater::SUPPRESSION_UNKNOWN_RULE, s,
                           "breakwater:ignore names no rule; write `breakwater:ignore RULE_ID "
                           "reason`."));
      continue;
    }
    bool bad_name = false;
    for (const std::string& r : s.rules) {
      if (!known_name(r)) {
        about.push_back(meta(
            rules::breakwater::SUPPRESSION_UNKNOWN_RULE, s,
            "breakwater:ignore names \"" + r + "\", which is neither a rule id nor a category."));
        bad_name = true;
      }
    }
    if (s.reason.empty()) {
      about.push_back(meta(
          rules::breakwater::SUPPRESSION_REASON_MISSING, s,
          "breakwater:ignore " + joined(s.rules) + " gives no reason, so it is not honoured."));
      continue;
    }
    if (bad_name) continue;
    for (Finding& f : findings) {
      if (f.suppressed || f.location.file != s.at.file || f.location.line != s.covers) continue;
      if (!std::any_of(s.rules.begin(), s.rules.end(),
                       [&](const std::string& r) { return names_rule(r, f); })) {
        continue;
      }
      f.suppressed = Suppression{s.reason, "inline"};
      s.used = true;
    }
    if (!s.used && std::any_of(s.rules.begin(), s.rules.end(), active)) {
      // No line number in the message: it feeds the fingerprint, which must survive edits.
      about.push_back(meta(rules::breakwater::SUPPRESSION_UNUSED, s,
                           "breakwater:ignore " + joined(s.rules) +
                               " suppresses nothing on the line it covers; remove it."));
    }
  }
  return about;
}

}  // namespace breakwater::detail
