#include "formats/sql/types.hpp"

#include <map>

namespace breakwater::sql {
namespace {

// Spellings the raw parser leaves as written, mapped to the catalog names it uses elsewhere.
const std::map<std::string, std::string>& aliases() {
  static const std::map<std::string, std::string> a = {{"int", "int4"},
                                                       {"integer", "int4"},
                                                       {"smallint", "int2"},
                                                       {"bigint", "int8"},
                                                       {"boolean", "bool"},
                                                       {"real", "float4"},
                                                       {"double precision", "float8"},
                                                       {"decimal", "numeric"},
                                                       {"character varying", "varchar"},
                                                       {"character", "bpchar"},
                                                       {"char", "bpchar"},
                                                       {"timestamp with time zone", "timestamptz"},
                                                       {"time with time zone", "timetz"},
                                                       {"timestamp without time zone", "timestamp"},
                                                       {"time without time zone", "time"}};
  return a;
}

int int_rank(const std::string& t) {
  return t == "int2" ? 1 : t == "int4" ? 2 : t == "int8" ? 3 : 0;
}

}  // namespace

std::string ColumnType::text() const {
  std::string out = name;
  if (!modifiers.empty()) {
    out += "(";
    for (size_t i = 0; i < modifiers.size(); ++i) {
      out += (i ? "," : "") + std::to_string(modifiers[i]);
    }
    out += ")";
  }
  for (int i = 0; i < array_dims; ++i) out += "[]";
  return out;
}

ColumnType canonical_type(const std::vector<std::string>& names, std::vector<long> modifiers,
                          int array_dims, bool* serial) {
  ColumnType t;
  std::string name;
  for (const std::string& n : names) {
    if (n == "pg_catalog" && names.size() > 1) continue;
    name += (name.empty() ? "" : ".") + n;
  }
  if (auto it = aliases().find(name); it != aliases().end()) name = it->second;
  const bool is_serial = name == "serial" || name == "serial4" || name == "bigserial" ||
                         name == "serial8" || name == "smallserial" || name == "serial2";
  if (is_serial) {
    name = name == "bigserial" || name == "serial8"     ? "int8"
           : name == "smallserial" || name == "serial2" ? "int2"
                                                        : "int4";
  }
  if (serial != nullptr) *serial = is_serial;
  t.name = name;
  t.modifiers = std::move(modifiers);
  t.array_dims = array_dims;
  return t;
}

ColumnType parse_type(std::string_view text) {
  ColumnType t;
  while (text.ends_with("[]")) {
    ++t.array_dims;
    text.remove_suffix(2);
  }
  const size_t open = text.find('(');
  t.name = std::string(text.substr(0, open));
  if (open != std::string_view::npos) {
    std::string mods(text.substr(open + 1, text.size() - open - 2));
    size_t start = 0;
    while (start < mods.size()) {
      const size_t comma = mods.find(',', start);
      t.modifiers.push_back(std::stol(mods.substr(start, comma - start)));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return t;
}

bool binary_coercible(const ColumnType& o, const ColumnType& n) {
  if (o.text() == n.text()) return true;
  if (o.array_dims != n.array_dims) return false;
  const auto is_text = [](const std::string& s) { return s == "varchar" || s == "text"; };
  if (is_text(o.name) && is_text(n.name)) {
    if (n.name == "text" || n.modifiers.empty()) return true;
    return o.name == "varchar" && !o.modifiers.empty() && o.modifiers[0] <= n.modifiers[0];
  }
  if (o.name == "numeric" && n.name == "numeric") {
    if (n.modifiers.empty()) return true;
    if (o.modifiers.empty()) return false;
    const long old_scale = o.modifiers.size() > 1 ? o.modifiers[1] : 0;
    const long new_scale = n.modifiers.size() > 1 ? n.modifiers[1] : 0;
    return new_scale == old_scale && n.modifiers[0] >= o.modifiers[0];
  }
  return false;
}

std::optional<std::string> narrowing(const ColumnType& o, const ColumnType& n) {
  if (o.text() == n.text()) return std::nullopt;
  if (o.array_dims != n.array_dims) return "array dimensions change";
  const int ro = int_rank(o.name), rn = int_rank(n.name);
  if (ro > 0 && rn > 0) {
    if (rn >= ro) return std::nullopt;
    return "values above the range of " + n.name + " no longer fit";
  }
  if (ro > 0 && n.name == "numeric" && n.modifiers.empty()) return std::nullopt;
  if (o.name == "float4" && n.name == "float8") return std::nullopt;
  // Integers convert to floating point exactly while they fit its mantissa (24 bits for
  // float4, 53 for float8).
  if (ro > 0 && (n.name == "float8" || n.name == "float4")) {
    const int mantissa = n.name == "float8" ? 53 : 24;
    const int bits = ro == 1 ? 16 : ro == 2 ? 32 : 64;
    if (bits <= mantissa) return std::nullopt;
    return "integers beyond 2^" + std::to_string(mantissa) + " lose precision in " + n.name;
  }
  // Fractional seconds: no precision means 6 digits, the most PostgreSQL keeps.
  auto is_timestamp = [](const std::string& s) { return s == "timestamp" || s == "timestamptz"; };
  auto is_time = [](const std::string& s) { return s == "time" || s == "timetz"; };
  if ((is_timestamp(o.name) && is_timestamp(n.name)) || (is_time(o.name) && is_time(n.name))) {
    const long po = o.modifiers.empty() ? 6 : o.modifiers[0];
    const long pn = n.modifiers.empty() ? 6 : n.modifiers[0];
    if (pn < po) {
      return "fractional seconds beyond " + std::to_string(pn) + " digits are rounded away";
    }
    // Adding a zone keeps every value (read in the session's zone, as old writers meant it);
    // dropping it turns instants into wall-clock times of whatever zone the conversion ran in.
    if (o.name.ends_with("tz") && !n.name.ends_with("tz")) {
      return "values lose their time zone: instants become local times of the converting "
             "session's zone";
    }
    return std::nullopt;
  }
  // char(n) to varchar or text: every old value fits (its trailing pad spaces, which char
  // comparisons ignore, are dropped).
  if (o.name == "bpchar" && (n.name == "varchar" || n.name == "text")) {
    if (n.name == "text" || n.modifiers.empty()) return std::nullopt;
    if (!o.modifiers.empty() && n.modifiers[0] >= o.modifiers[0]) return std::nullopt;
    return "strings longer than " + std::to_string(n.modifiers[0]) + " characters no longer fit";
  }
  auto is_text = [](const std::string& s) { return s == "varchar" || s == "text"; };
  if (is_text(o.name) && is_text(n.name)) {
    if (n.name == "text" || n.modifiers.empty()) return std::nullopt;  // unbounded
    if (o.name == "text" || o.modifiers.empty())
      return "strings longer than " + std::to_string(n.modifiers[0]) + " characters no longer fit";
    if (n.modifiers[0] >= o.modifiers[0]) return std::nullopt;
    return "strings longer than " + std::to_string(n.modifiers[0]) + " characters no longer fit";
  }
  if (o.name == "numeric" && n.name == "numeric") {
    if (n.modifiers.empty()) return std::nullopt;
    if (o.modifiers.empty())
      return "unbounded numbers no longer fit numeric(" + std::to_string(n.modifiers[0]) + ")";
    const long os = o.modifiers.size() > 1 ? o.modifiers[1] : 0;
    const long ns = n.modifiers.size() > 1 ? n.modifiers[1] : 0;
    if (ns < os) return "digits after the decimal point are rounded away";
    if (n.modifiers[0] - ns < o.modifiers[0] - os) return "large values no longer fit";
    return std::nullopt;
  }
  if (o.name == "bpchar" && n.name == "bpchar") {
    if (!n.modifiers.empty() && !o.modifiers.empty() && n.modifiers[0] < o.modifiers[0]) {
      return "strings longer than " + std::to_string(n.modifiers[0]) + " characters no longer fit";
    }
    return std::nullopt;
  }
  return "the type changes from " + o.text() + " to " + n.text();
}

}  // namespace breakwater::sql
