#include "core/format_options.hpp"

#include "core/engine.hpp"

#include <algorithm>

namespace breakwater {

void LoadOptions::set(const std::string& key, std::vector<std::string> values) {
  const detail::OptionSpec* spec = detail::find_option_spec(key);
  OptionValue& v = format_options[key];
  v.items.clear();
  for (std::string& value : values) {
    OptionItem item;
    if (spec != nullptr && spec->shape == detail::OptionShape::map) {
      const size_t eq = value.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == value.size()) {
        throw InputError({}, "--" + key + ": expected " + std::string(spec->value_name) +
                                 ", got '" + value + "'");
      }
      item.key = value.substr(0, eq);
      item.value = value.substr(eq + 1);
    } else {
      item.value = std::move(value);
    }
    v.items.push_back(std::move(item));
  }
}

namespace detail {

const OptionSpec* find_option_spec(std::string_view key) {
  for (const FormatPlugin* f : formats()) {
    for (const OptionSpec& s : f->options) {
      if (s.key == key) return &s;
    }
  }
  return nullptr;
}

OptionValue merge_option(const OptionSpec& spec, const OptionValue* outer,
                         const OptionValue* inner) {
  if (inner == nullptr || inner->items.empty()) return outer != nullptr ? *outer : OptionValue{};
  if (outer == nullptr || outer->items.empty()) return *inner;
  switch (spec.shape) {
    case OptionShape::value:
      return *inner;
    case OptionShape::list: {
      if (!spec.accumulate) return *inner;
      OptionValue out = *outer;
      out.items.insert(out.items.end(), inner->items.begin(), inner->items.end());
      return out;
    }
    case OptionShape::map: {
      // Keyed: the nearer setting wins a key both name; keys stay sorted.
      OptionValue out = *inner;
      for (const OptionItem& o : outer->items) {
        const bool taken = std::any_of(out.items.begin(), out.items.end(),
                                       [&](const OptionItem& i) { return i.key == o.key; });
        if (!taken) out.items.push_back(o);
      }
      std::stable_sort(out.items.begin(), out.items.end(),
                       [](const OptionItem& a, const OptionItem& b) { return a.key < b.key; });
      return out;
    }
  }
  return *inner;
}

namespace {

struct NoOptions : FormatOptions {};

}  // namespace

void check_choices(const OptionSpec& spec, const OptionValue& value) {
  if (spec.choices.empty()) return;
  for (const OptionItem& item : value.items) {
    if (std::find(spec.choices.begin(), spec.choices.end(), item.value) != spec.choices.end())
      continue;
    std::string names;
    for (std::string_view c : spec.choices) names += (names.empty() ? "" : ", ") + std::string(c);
    const std::string key(spec.key);
    throw InputError(item.at.known() ? item.at : value.at,
                     "'" + key + "': '" + item.value + "' is not one of " + names);
  }
}

namespace {

}  // namespace

std::unique_ptr<FormatOptions> read_format_options(const FormatPlugin& format,
                                                   const OptionValues& values) {
  if (format.read_options == nullptr) return std::make_unique<NoOptions>();
  OptionValues own;
  for (const OptionSpec& spec : format.options) {
    auto it = values.find(spec.key);
    if (it == values.end()) continue;
    check_choices(spec, it->second);
    own.emplace(it->first, it->second);
  }
  return format.read_options(own);
}

std::string option_value(const OptionValues& values, std::string_view key) {
  auto it = values.find(key);
  if (it == values.end() || it->second.items.empty()) return {};
  return it->second.items.back().value;
}

std::vector<std::string> option_list(const OptionValues& values, std::string_view key) {
  std::vector<std::string> out;
  auto it = values.find(key);
  if (it == values.end()) return out;
  for (const OptionItem& i : it->second.items) out.push_back(i.value);
  return out;
}

std::string format_option_keys() {
  std::string out;
  for (const FormatPlugin* f : formats()) {
    if (f->options.empty()) continue;
    out += (out.empty() ? "" : "; ") + std::string(f->name) + ":";
    for (size_t i = 0; i < f->options.size(); ++i) {
      out += (i == 0 ? " " : ", ") + std::string(f->options[i].key);
    }
  }
  return out;
}

}  // namespace detail
}  // namespace breakwater
