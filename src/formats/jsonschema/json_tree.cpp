#include "formats/jsonschema/json_tree.hpp"

#include "core/quote.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>

namespace breakwater::jsonschema {

const JsonValue* JsonValue::find(std::string_view name) const {
  for (const JsonValue& m : children()) {
    if (m.key() == name) return &m;
  }
  return nullptr;
}

uint32_t JsonValue::member_key_offset(std::string_view name) const {
  const JsonValue* m = find(name);
  return m != nullptr ? m->key_offset : offset;
}

std::string_view JsonTree::keep(std::string_view s) {
  constexpr size_t kBlock = 1 << 20;
  if (s.empty()) return {};
  if (s.size() > kBlock / 8) {  // a long string gets a block of its own
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(s.size()));
    std::memcpy(blocks_.back().get(), s.data(), s.size());
    return {blocks_.back().get(), s.size()};
  }
  if (left_ < s.size()) {
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(kBlock));
    free_ = blocks_.back().get();
    left_ = kBlock;
  }
  std::memcpy(free_, s.data(), s.size());
  const std::string_view kept(free_, s.size());
  free_ += s.size();
  left_ -= s.size();
  return kept;
}

namespace {

void append_number(std::string& out, double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) {
    out += std::to_string(static_cast<long long>(d));
    return;
  }
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  out.append(buf, ec == std::errc() ? end : buf);
}

void append_string(std::string& out, std::string_view s) {
  out += nlohmann::json(s).dump();
}

void canonical_into(const JsonValue& v, std::string& out) {
  switch (v.kind) {
    case JsonValue::Kind::null:
      out += "null";
      return;
    case JsonValue::Kind::boolean:
      out += v.boolean ? "true" : "false";
      return;
    case JsonValue::Kind::number:
      append_number(out, v.number);
      return;
    case JsonValue::Kind::string:
      append_string(out, v.text());
      return;
    case JsonValue::Kind::array:
      out += '[';
      for (const JsonValue& item : v.children()) {
        if (&item != v.children().data()) out += ',';
        canonical_into(item, out);
      }
      out += ']';
      return;
    case JsonValue::Kind::object: {
      std::vector<const JsonValue*> sorted;
      for (const JsonValue& m : v.children()) sorted.push_back(&m);
      std::sort(sorted.begin(), sorted.end(),
                [](const JsonValue* a, const JsonValue* b) { return a->key() < b->key(); });
      out += '{';
      for (size_t i = 0; i < sorted.size(); ++i) {
        if (i > 0) out += ',';
        append_string(out, sorted[i]->key());
        out += ':';
        canonical_into(*sorted[i], out);
      }
      out += '}';
      return;
    }
  }
}

// An input iterator over the text that publishes how far the parser has read, so the SAX
// handler knows where each token ended.
class TrackingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  TrackingIterator(const char* p, const char** cursor) : p_(p), cursor_(cursor) {}
  reference operator*() const { return *p_; }
  TrackingIterator& operator++() {
    *cursor_ = ++p_;
    return *this;
  }
  bool operator==(const TrackingIterator& o) const { return p_ == o.p_; }
  bool operator!=(const TrackingIterator& o) const { return p_ != o.p_; }

 private:
  const char* p_;
  const char** cursor_;
};

// Schemas are walked recursively after parsing; this bounds the recursion far below the stack.
constexpr size_t kMaxDepth = 4000;

}  // namespace

// Values are collected on one stack while their container is open; when it closes they move,
// side by side, to the end of the tree's node array. Pointers to them are set once the parse is
// over and the array no longer moves.
class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  TreeBuilder(const std::string& text, const char** cursor, JsonTree& tree)
      : text_(text), cursor_(cursor), tree_(tree) {}

  bool null() override { return put(JsonValue{}); }
  bool boolean(bool b) override {
    JsonValue v;
    v.kind = JsonValue::Kind::boolean;
    v.boolean = b;
    return put(v);
  }
  bool number_integer(number_integer_t n) override { return integer(static_cast<double>(n)); }
  bool number_unsigned(number_unsigned_t n) override { return integer(static_cast<double>(n)); }
  bool number_float(number_float_t n, const string_t&) override {
    JsonValue v;
    v.kind = JsonValue::Kind::number;
    v.number = n;
    return put(v);
  }
  bool string(string_t& s) override {
    JsonValue v;
    v.kind = JsonValue::Kind::string;
    const std::string_view kept = tree_.keep(s);
    v.text_data = kept.data();
    v.text_size = static_cast<uint32_t>(kept.size());
    return put(v, true);
  }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(JsonValue::Kind::object); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(JsonValue::Kind::array); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    key_ = tree_.keep(k);
    key_offset_ = static_cast<uint32_t>(quoted_start());
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& e) override {
    error_offset = position == 0 ? 0 : position - 1;
    error_message = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
    const size_t colon = error_message.find(": ", error_message.find("column"));
    if (colon != std::string::npos) error_message = error_message.substr(colon + 2);
    return false;
  }

  // Once the parse has succeeded: the root joins the array, and containers point at their values.
  void finish() {
    std::vector<JsonValue>& nodes = tree_.nodes_;
    nodes.push_back(pending_.front());
    for (JsonValue& v : nodes) {
      if (v.count > 0) v.back = static_cast<uint32_t>(&v - nodes.data()) - v.back;
    }
    tree_.root_ = &nodes.back();
  }

  size_t error_offset = 0;
  std::string error_message;

 private:
  size_t consumed() const { return static_cast<size_t>(*cursor_ - text_.data()); }
  // The opening quote of the string token the parser has just read.
  size_t quoted_start() const {
    size_t i = consumed();
    while (i > 0 && text_[i - 1] != '"') --i;  // the closing quote
    if (i == 0) return 0;
    --i;
    while (i > 0) {
      --i;
      if (text_[i] != '"') continue;
      size_t backslashes = 0;
      while (backslashes < i && text_[i - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return 0;
  }
  // Where the value just read started: the token's first byte (a string's quote, a
  // container's bracket) or, for numbers and literals, the first non-space before the cursor.
  size_t value_start(bool quoted) const {
    if (quoted) return quoted_start();
    size_t end = consumed();
    while (end > 0 &&
           std::string_view(",]}: \t\r\n").find(text_[end - 1]) != std::string_view::npos)
      --end;
    size_t start = end;
    while (start > 0 &&
           std::string_view(",[{: \t\r\n").find(text_[start - 1]) == std::string_view::npos)
      --start;
    return start;
  }
  bool integer(double d) {
    JsonValue v;
    v.kind = JsonValue::Kind::number;
    v.number = d;
    v.integral = true;
    return put(v);
  }
  bool put(JsonValue v, bool quoted = false) {
    v.offset = static_cast<uint32_t>(value_start(quoted));
    push(v);
    return true;
  }
  void push(JsonValue v) {
    if (!open_.empty() && pending_[open_.back()].kind == JsonValue::Kind::object) {
      v.key_data = key_.data();
      v.key_size = static_cast<uint32_t>(key_.size());
      v.key_offset = key_offset_;
    }
    pending_.push_back(v);
  }
  bool open(JsonValue::Kind kind) {
    if (open_.size() >= kMaxDepth) {
      error_offset = consumed() == 0 ? 0 : consumed() - 1;
      error_message = "nested deeper than " + std::to_string(kMaxDepth) + " levels";
      return false;
    }
    JsonValue v;
    v.kind = kind;
    v.offset = static_cast<uint32_t>(consumed() == 0 ? 0 : consumed() - 1);
    push(v);
    open_.push_back(pending_.size() - 1);
    return true;
  }
  bool close() {
    const size_t at = open_.back();
    open_.pop_back();
    std::vector<JsonValue>& nodes = tree_.nodes_;
    JsonValue& container = pending_[at];
    container.count = static_cast<uint32_t>(pending_.size() - at - 1);
    if (container.kind == JsonValue::Kind::object && container.count > 1 && !unique_keys(at)) {
      return false;
    }
    container.back = static_cast<uint32_t>(nodes.size());  // its first value, until finish()
    nodes.insert(nodes.end(), pending_.begin() + static_cast<std::ptrdiff_t>(at + 1),
                 pending_.end());
    pending_.resize(at + 1);
    return true;
  }

  // A key given twice is refused: validators disagree on which value wins (most take the last,
  // some the first), so any verdict would be a guess. Sorting keeps a 200k-member object fast.
  bool unique_keys(size_t at) {
    keys_.clear();
    for (size_t i = at + 1; i < pending_.size(); ++i) {
      keys_.emplace_back(pending_[i].key(), pending_[i].key_offset);
    }
    std::sort(keys_.begin(), keys_.end());
    for (size_t i = 1; i < keys_.size(); ++i) {
      if (keys_[i].first != keys_[i - 1].first) continue;
      error_offset = keys_[i].second;
      error_message = "duplicate key " + detail::quoted(keys_[i].first.substr(0, 80)) +
                      ": validators disagree on which value counts";
      return false;
    }
    return true;
  }

  std::vector<std::pair<std::string_view, uint32_t>> keys_;
  const std::string& text_;
  const char** cursor_;
  JsonTree& tree_;
  std::vector<JsonValue> pending_;
  std::vector<size_t> open_;  // indexes in pending_ of the containers still open
  std::string_view key_;
  uint32_t key_offset_ = 0;
};

std::string JsonValue::canonical() const {
  std::string out;
  canonical_into(*this, out);
  return out;
}

bool parse_json(const std::string& text, JsonTree& out, JsonSyntaxError& error) {
  out = JsonTree();
  // A value takes at least two bytes of text ("1,"); most take far more. Reserved pages that
  // are never written cost no memory.
  out.nodes_.reserve(text.size() / 16 + 16);
  const char* cursor = text.data();
  TreeBuilder builder(text, &cursor, out);
  TrackingIterator first(text.data(), &cursor), last(text.data() + text.size(), &cursor);
  const bool ok = nlohmann::json::sax_parse(first, last, &builder);
  if (!ok) {
    error = {builder.error_offset, builder.error_message};
    return false;
  }
  builder.finish();
  return true;
}

}  // namespace breakwater::jsonschema
