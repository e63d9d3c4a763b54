// A JSON document as a light tree that remembers where each value and member key starts, so a
// finding can point at the keyword it is about. Only json_tree.cpp sees nlohmann.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace breakwater::jsonschema {

// One value. A container's values sit side by side in the tree's node array, just before the
// container itself, so a value is a 48-byte record and a 50 MB schema costs a few allocations,
// not millions.
struct JsonValue {
  enum class Kind : uint8_t { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  bool boolean = false;
  bool integral = false;    // a number written without fraction or exponent
  uint32_t offset = 0;      // byte offset where the value starts
  uint32_t key_offset = 0;  // as an object member: byte offset of its key
  uint32_t count = 0;       // a container's number of values
  uint32_t back = 0;        // a container's first value is this many nodes before it
  uint32_t key_size = 0;
  uint32_t text_size = 0;
  const char* key_data = nullptr;
  union {
    double number = 0;
    const char* text_data;  // strings
  };

  // As an object member: its name.
  std::string_view key() const { return {key_data, key_size}; }
  std::string_view text() const {
    return is_string() ? std::string_view(text_data, text_size) : "";
  }
  // An array's items, or an object's members (each with its key).
  std::span<const JsonValue> children() const { return {this - back, count}; }
  const JsonValue* find(std::string_view key) const;       // the first member of that name
  uint32_t member_key_offset(std::string_view key) const;  // its key, else the value's start
  bool is_object() const { return kind == Kind::object; }
  bool is_array() const { return kind == Kind::array; }
  bool is_string() const { return kind == Kind::string; }
  bool is_number() const { return kind == Kind::number; }
  bool is_bool() const { return kind == Kind::boolean; }
  // One spelling per value (object members sorted, numbers by value): equal JSON values have
  // equal canonical text.
  std::string canonical() const;
};

struct JsonSyntaxError {
  size_t offset;
  std::string message;
};

// The values of one document and the characters of its strings.
class JsonTree {
 public:
  const JsonValue& root() const { return *root_; }

 private:
  friend bool parse_json(const std::string& text, JsonTree& out, JsonSyntaxError& error);
  friend class TreeBuilder;
  std::string_view keep(std::string_view s);

  std::vector<JsonValue> nodes_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  size_t left_ = 0;
  const JsonValue* root_ = nullptr;
};

// Parses `text`; on invalid JSON returns false and fills `error`. Deep nesting is fine: the
// parser keeps its own stack.
bool parse_json(const std::string& text, JsonTree& out, JsonSyntaxError& error);

}  // namespace breakwater::jsonschema
