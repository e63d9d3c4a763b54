#include "core/suppressions.hpp"

#include <breakwater/rules.hpp>

#include "rule_ids/breakwater.hpp"

#include <algorithm>
#include <cctype>
#include <set>

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

// The names as written: RULE, RULE(element).
std::string joined_names(const InlineSuppression& s) {
  std::string out;
  for (size_t i = 0; i < s.rules.size(); ++i) {
    out += (out.empty() ? "" : ",") + s.rules[i];
    if (i < s.targets.size() && !s.targets[i].empty()) out += "(" + s.targets[i] + ")";
  }
  return out;
}

bool covered(const InlineSuppression& s, const Finding& f) {
  if (f.location.file != s.at.file) return false;
  if (s.covers_places.empty()) return f.location.line == s.covers;
  return std::find(s.covers_places.begin(), s.covers_places.end(),
                   std::pair{f.location.line, f.location.column}) != s.covers_places.end();
}

bool identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

// Whether `target` names the finding's element: all of it, or its end from a name boundary
// (`email`, `User.email` and `acme.v1.User.email` all name acme.v1.User.email; `mail` does not).
bool names_element(std::string_view target, std::string_view entity) {
  if (target.empty() || !entity.ends_with(target)) return false;
  const size_t at = entity.size() - target.size();
  return at == 0 || !identifier_char(entity[at - 1]) || !identifier_char(target.front());
}

// The last part of an element's name, for a suggestion (`acme.v1.User.email` -> `email`).
std::string short_name(std::string_view entity) {
  const size_t paren = entity.find('(');
  const std::string_view head = entity.substr(0, paren);
  const size_t cut = head.find_last_of(".:/#");
  return std::string(cut == std::string_view::npos ? entity : entity.substr(cut + 1));
}

}  // namespace

void read_directive(std::string_view body, InlineSuppression& s) {
  body = trim(body);
  // The names end at the first blank outside parentheses: an element may be a C++ signature.
  size_t end = 0;
  for (int depth = 0; end < body.size(); ++end) {
    const char c = body[end];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth == 0 && (c == ' ' || c == '\t')) break;
  }
  const std::string_view names = body.substr(0, end);
  s.reason = std::string(trim(body.substr(end)));
  std::string one;
  int depth = 0;
  const auto flush = [&] {
    if (one.empty()) return;
    const size_t open = one.find('(');
    // `RULE()` stays one unknown name: an empty element is a mistake, not "all".
    if (open != std::string::npos && one.back() == ')' && open + 2 < one.size()) {
      s.rules.push_back(one.substr(0, open));
      s.targets.push_back(std::string(trim(std::string_view(one).substr(open + 1, one.size() - open - 2))));
    } else {
      s.rules.push_back(one);
      s.targets.emplace_back();
    }
    one.clear();
  };
  for (char c : names) {
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (c == ',' && depth == 0) {
      flush();
    } else {
      one += c;
    }
  }
  flush();
}

std::vector<InlineSuppression> scan_suppressions(std::string_view text, const std::string& path,
                                                 const std::vector<std::string_view>& markers) {
  // Most files have no directive: no table of their lines (16 bytes a line) is built for them.
  if (text.find(kDirective) == std::string_view::npos) return {};
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
  std::vector<InlineSuppression*> valid;
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
          "breakwater:ignore " + joined_names(s) + " gives no reason, so it is not honoured."));
      continue;
    }
    if (!bad_name) valid.push_back(&s);
  }
  // First what names aim at (an element, or `*`), whatever the order of the directives; then
  // names without an element, which clear only findings that are all about one element.
  for (InlineSuppression* s : valid) {
    for (Finding& f : findings) {
      if (f.suppressed || !covered(*s, f)) continue;
      for (size_t i = 0; i < s->rules.size(); ++i) {
        const std::string& target = s->targets[i];
        if (target.empty() || !names_rule(s->rules[i], f)) continue;
        if (target == "*" || names_element(target, f.entity)) {
          f.suppressed = Suppression{s->reason, "inline"};
          s->used = true;
          break;
        }
      }
    }
  }
  for (InlineSuppression* s : valid) {
    std::vector<Finding*> loose;
    for (Finding& f : findings) {
      if (f.suppressed || !covered(*s, f)) continue;
      for (size_t i = 0; i < s->rules.size(); ++i) {
        if (s->targets[i].empty() && names_rule(s->rules[i], f)) {
          loose.push_back(&f);
          break;
        }
      }
    }
    std::set<std::string> elements;
    for (const Finding* f : loose) elements.insert(f->entity);
    if (elements.size() > 1) {
      std::string list;
      for (const std::string& e : elements) list += (list.empty() ? "" : ", ") + e;
      const std::string& rule = loose.front()->rule_id;
      about.push_back(meta(rules::breakwater::SUPPRESSION_AMBIGUOUS, *s,
                           "breakwater:ignore " + joined_names(*s) + " covers findings about " +
                               std::to_string(elements.size()) + " elements (" + list +
                               ") with one reason, so it clears none; name the one it is for, "
                               "e.g. `" + rule + "(" + short_name(*elements.begin()) +
                               ")`, or write `" + rule + "(*)` for all."));
      continue;
    }
    for (Finding* f : loose) {
      f->suppressed = Suppression{s->reason, "inline"};
      s->used = true;
    }
    if (!s->used && std::any_of(s->rules.begin(), s->rules.end(), active)) {
      // No line number in the message: it feeds the fingerprint, which must survive edits.
      about.push_back(meta(rules::breakwater::SUPPRESSION_UNUSED, *s,
                           "breakwater:ignore " + joined_names(*s) +
                               " suppresses nothing on the line it covers; remove it."));
    }
  }
  return about;
}

}  // namespace breakwater::detail
