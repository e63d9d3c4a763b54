// JSON Schema patterns: RE2 first, PCRE2 for the ECMAScript features RE2 lacks. See
// pattern_match.hpp.
#include "formats/jsonschema/pattern_match.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <re2/re2.h>

#include <map>

namespace breakwater::jsonschema {

namespace {

constexpr size_t kMaxLength = 64 << 10;
// Backtracking work per match: far beyond any sane pattern on a name, far below a stall.
constexpr uint32_t kMatchLimit = 1'000'000;
constexpr uint32_t kDepthLimit = 10'000;

RE2::Options re2_options() {
  // UTF-8 (the default): a name is matched code point by code point. A pattern RE2 refuses is
  // handed to PCRE2, not reported on stderr.
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  return options;
}

struct Pcre2Code {
  pcre2_code* code = nullptr;
  ~Pcre2Code() { pcre2_code_free(code); }
};

struct Pcre2Match {
  pcre2_match_context* context = pcre2_match_context_create(nullptr);
  pcre2_match_data* data = nullptr;
  Pcre2Match() {
    pcre2_set_match_limit(context, kMatchLimit);
    pcre2_set_depth_limit(context, kDepthLimit);
    pcre2_set_heap_limit(context, 16 << 10);  // KiB
  }
  ~Pcre2Match() {
    pcre2_match_data_free(data);
    pcre2_match_context_free(context);
  }
};

}  // namespace

// Each pattern as RE2 or else PCRE2 compiled it; neither when both refused it.
struct PatternMatcher::Compiled {
  struct Engines {
    std::unique_ptr<RE2> re2;
    std::unique_ptr<Pcre2Code> pcre2;
  };
  std::map<std::string, Engines> by_pattern;
  Pcre2Match match;
};

PatternMatcher::PatternMatcher() : compiled_(std::make_unique<Compiled>()) {}
PatternMatcher::~PatternMatcher() = default;

Match PatternMatcher::match(const std::string& pattern, const std::string& name) {
  if (name.size() > kMaxLength || pattern.size() > kMaxLength) return Match::unknown;
  auto it = compiled_->by_pattern.find(pattern);
  if (it == compiled_->by_pattern.end()) {
    Compiled::Engines e;
    e.re2 = std::make_unique<RE2>(pattern, re2_options());
    if (!e.re2->ok()) {
      e.re2 = nullptr;
      // ECMAScript: \uXXXX escapes, an unset backreference matches the empty string, and
      // (with JSON Schema's usual "u" flag) code points and Unicode classes.
      int error = 0;
      PCRE2_SIZE offset = 0;
      pcre2_code* code = pcre2_compile(
          reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
          PCRE2_UTF | PCRE2_UCP | PCRE2_ALT_BSUX | PCRE2_MATCH_UNSET_BACKREF | PCRE2_NEVER_BACKSLASH_C,
          &error, &offset, nullptr);
      if (code != nullptr) {
        e.pcre2 = std::make_unique<Pcre2Code>();
        e.pcre2->code = code;
      }
    }
    it = compiled_->by_pattern.emplace(pattern, std::move(e)).first;
  }
  const Compiled::Engines& e = it->second;
  if (e.re2) return RE2::PartialMatch(name, *e.re2) ? Match::yes : Match::no;
  if (!e.pcre2) return Match::unknown;
  Pcre2Match& m = compiled_->match;
  pcre2_match_data_free(m.data);
  m.data = pcre2_match_data_create_from_pattern(e.pcre2->code, nullptr);
  const int rc = pcre2_match(e.pcre2->code, reinterpret_cast<PCRE2_SPTR>(name.data()),
                             name.size(), 0, 0, m.data, m.context);
  if (rc >= 0) return Match::yes;
  if (rc == PCRE2_ERROR_NOMATCH) return Match::no;
  return Match::unknown;  // a work limit, or a name that is not UTF-8
}

}  // namespace breakwater::jsonschema
