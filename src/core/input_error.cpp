#include <breakwater/check.hpp>

namespace breakwater {

InputError::InputError(Location where, const std::string& message)
    : std::runtime_error(message), where_(std::move(where)) {}

std::string InputError::one_line() const {
  const std::string out = where_.known() ? where_.text() + ": " : "";
  std::string text = what();
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return out + "error: " + text;
}

}  // namespace breakwater
