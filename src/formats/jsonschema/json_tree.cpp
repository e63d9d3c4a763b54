#include "formats/jsonschema/json_tree.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>

namespace breakwater::jsonschema {

const JsonValue* JsonValue::find(std::string_view key) const {
  if (members.size() > 32) {
    if (!index) {
      index = std::make_unique<std::unordered_map<std::string_view, size_t>>();
      for (size_t i = 0; i < members.size(); ++i) index->emplace(members[i].first, i);
    }
    const auto it = index->find(key);
    return it == index->end() ? nullptr : &members[it->second].second;
  }
  for (const auto& [k, v] : members) {
    if (k == key) return &v;
  }
  return nullptr;
}

uint32_t JsonValue::key_offset(std::string_view key) const {
  for (size_t i = 0; i < members.size(); ++i) {
    if (members[i].first == key) return key_offsets[i];
  }
  return offset;
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

void append_string(std::string& out, const std::string& s) {
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
      append_string(out, v.text);
      return;
    case JsonValue::Kind::array:
      out += '[';
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ',';
        canonical_into(v.items[i], out);
      }
      out += ']';
      return;
    case JsonValue::Kind::object: {
      std::vector<const std::pair<std::string, JsonValue>*> sorted;
      for (const auto& m : v.members) sorted.push_back(&m);
      std::sort(sorted.begin(), sorted.end(),
                [](const auto* a, const auto* b) { return a->first < b->first; });
      out += '{';
      for (size_t i = 0; i < sorted.size(); ++i) {
        if (i > 0) out += ',';
        append_string(out, sorted[i]->first);
        out += ':';
        canonical_into(sorted[i]->second, out);
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

// Values are collected on one stack while their container is open and moved into a vector of
// exactly their number when it closes: growing each container's vector by doubling cost more
// than the parse and left a quarter of it unused.
class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  TreeBuilder(const std::string& text, const char** cursor) : text_(text), cursor_(cursor) {}

  bool null() override { return put(JsonValue{}); }
  bool boolean(bool b) override {
    JsonValue v;
    v.kind = JsonValue::Kind::boolean;
    v.boolean = b;
    return put(std::move(v));
  }
  bool number_integer(number_integer_t n) override { return integer(static_cast<double>(n)); }
  bool number_unsigned(number_unsigned_t n) override { return integer(static_cast<double>(n)); }
  bool number_float(number_float_t n, const string_t& literal) override {
    JsonValue v;
    v.kind = JsonValue::Kind::number;
    v.number = n;
    v.text = literal;
    return put(std::move(v));
  }
  bool string(string_t& s) override {
    JsonValue v;
    v.kind = JsonValue::Kind::string;
    v.text = std::move(s);
    return put(std::move(v), true);
  }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(JsonValue::Kind::object); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(JsonValue::Kind::array); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    key_ = std::move(k);
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

  // The document, once the parse has succeeded.
  JsonValue take_root() { return std::move(pending_.front().value); }

  size_t error_offset = 0;
  std::string error_message;

 private:
  // A value whose container is still open, with its key when that container is an object.
  struct Pending {
    std::string key;
    uint32_t key_offset = 0;
    JsonValue value;
  };

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
    return put(std::move(v));
  }
  bool in_object() const {
    return !open_.empty() && pending_[open_.back()].value.kind == JsonValue::Kind::object;
  }
  bool put(JsonValue v, bool quoted = false) {
    v.offset = static_cast<uint32_t>(value_start(quoted));
    push(std::move(v));
    return true;
  }
  void push(JsonValue v) {
    if (in_object()) {
      pending_.push_back({std::move(key_), key_offset_, std::move(v)});
    } else {
      pending_.push_back({{}, 0, std::move(v)});
    }
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
    push(std::move(v));
    open_.push_back(pending_.size() - 1);
    return true;
  }
  bool close() {
    const size_t at = open_.back();
    open_.pop_back();
    JsonValue& container = pending_[at].value;
    const auto first = pending_.begin() + static_cast<std::ptrdiff_t>(at + 1);
    const size_t n = pending_.size() - at - 1;
    if (container.kind == JsonValue::Kind::object) {
      container.members.reserve(n);
      container.key_offsets.reserve(n);
      for (auto it = first; it != pending_.end(); ++it) {
        container.members.emplace_back(std::move(it->key), std::move(it->value));
        container.key_offsets.push_back(it->key_offset);
      }
    } else {
      container.items.reserve(n);
      for (auto it = first; it != pending_.end(); ++it)
        container.items.push_back(std::move(it->value));
    }
    pending_.erase(first, pending_.end());
    return true;
  }

  const std::string& text_;
  const char** cursor_;
  std::vector<Pending> pending_;
  std::vector<size_t> open_;  // indexes in pending_ of the containers still open
  std::string key_;
  uint32_t key_offset_ = 0;
};

}  // namespace

std::string JsonValue::canonical() const {
  std::string out;
  canonical_into(*this, out);
  return out;
}

bool parse_json(const std::string& text, JsonValue& out, JsonSyntaxError& error) {
  const char* cursor = text.data();
  TreeBuilder builder(text, &cursor);
  TrackingIterator first(text.data(), &cursor), last(text.data() + text.size(), &cursor);
  const bool ok = nlohmann::json::sax_parse(first, last, &builder);
  if (!ok) {
    error = {builder.error_offset, builder.error_message};
    return false;
  }
  out = builder.take_root();
  return true;
}

}  // namespace breakwater::jsonschema
