// A JSON document as a light tree that remembers where each value and member key starts, so a
// finding can point at the keyword it is about. Only json_tree.cpp sees nlohmann.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace breakwater::jsonschema {

struct JsonValue {
  enum class Kind : uint8_t { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  bool boolean = false;
  bool integral = false;  // a number written without fraction or exponent
  double number = 0;
  std::string text;  // string value; for numbers, the literal as written
  std::vector<JsonValue> items;
  std::vector<std::pair<std::string, JsonValue>> members;
  std::vector<uint32_t> key_offsets;  // byte offset of each member's key
  uint32_t offset = 0;                // byte offset where the value starts
  // Member lookup for big objects ($defs with thousands of entries), built on first use.
  mutable std::unique_ptr<std::unordered_map<std::string_view, size_t>> index;

  const JsonValue* find(std::string_view key) const;
  uint32_t key_offset(std::string_view key) const;  // the member's key, else the value's start
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

// Parses `text`; on invalid JSON returns false and fills `error`. Deep nesting is fine: the
// parser keeps its own stack.
bool parse_json(const std::string& text, JsonValue& out, JsonSyntaxError& error);

}  // namespace breakwater::jsonschema
