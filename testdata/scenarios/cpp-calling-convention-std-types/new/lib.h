#pragma once
#include <optional>
#include <string>

namespace demo {

// Passed in registers on both sides: std::optional<int> is trivially copyable.
struct Limits {
  int retries;
  std::optional<int> timeout_ms;
};
Limits default_limits();

// Passed in registers in OLD; std::string's copy constructor moves it to memory in NEW.
struct Name {
  std::string text;
};
void rename(Name name);

}  // namespace demo
