#include "formats/sql/mysql_types.hpp"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

namespace breakwater::sql {
namespace {

struct Parsed {
  std::string name;            // lower case, before any '('
  std::vector<std::string> args;  // inside the parentheses, split at top-level commas
  bool is_unsigned = false;
};

Parsed parse(std::string_view t) {
  Parsed p;
  const size_t open = t.find('(');
  const size_t name_end = std::min(open, t.find(' '));
  p.name = std::string(t.substr(0, name_end));
  p.is_unsigned = t.find(" unsigned") != std::string_view::npos;
  if (open == std::string_view::npos) return p;
  std::string cur;
  bool quoted = false;
  for (size_t i = open + 1; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '\'' ) {
      if (quoted && i + 1 < t.size() && t[i + 1] == '\'') {
        cur += "''";
        ++i;
        continue;
      }
      quoted = !quoted;
      cur += c;
    } else if (!quoted && c == ',') {
      p.args.push_back(cur);
      cur.clear();
    } else if (!quoted && c == ')') {
      p.args.push_back(cur);
      break;
    } else {
      cur += c;
    }
  }
  return p;
}

int int_bytes(const std::string& name) {
  if (name == "tinyint") return 1;
  if (name == "smallint") return 2;
  if (name == "mediumint") return 3;
  if (name == "int" || name == "integer") return 4;
  if (name == "bigint") return 8;
  return 0;
}

bool is_string(const std::string& n) {
  static const std::set<std::string> s = {"char",     "varchar",    "tinytext", "text",
                                          "mediumtext", "longtext", "binary",   "varbinary",
                                          "tinyblob", "blob",       "mediumblob", "longblob"};
  return s.contains(n);
}

bool is_binary(const std::string& n) {
  return n == "binary" || n == "varbinary" || n.ends_with("blob");
}

long long to_number(const std::string& s, long long fallback) {
  try {
    return std::stoll(s);
  } catch (...) {
    return fallback;
  }
}

// [min, max] of an integer type, as long doubles (unsigned bigint's max exceeds int64).
std::pair<long double, long double> int_range(int bytes, bool is_unsigned) {
  const long double span = std::pow(2.0L, 8.0L * bytes);
  if (is_unsigned) return {0.0L, span - 1};
  return {-span / 2, span / 2 - 1};
}

}  // namespace

std::string canonical_mysql_type(std::string t) {
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const Parsed p = parse(t);
  if (int_bytes(p.name) > 0 || p.name == "year") {
    return p.name + (p.is_unsigned ? " unsigned" : "");
  }
  if (const size_t z = t.find(" zerofill"); z != std::string::npos) t.erase(z, 9);
  return t;
}

std::optional<std::string> mysql_narrowing(const Entity& o, const Entity& n) {
  const std::string ot(o.str("type")), nt(n.str("type"));
  if (ot == nt) return std::nullopt;
  const Parsed a = parse(ot), b = parse(nt);
  const int ab = int_bytes(a.name), bb = int_bytes(b.name);
  if (ab > 0 && bb > 0) {
    const auto [omin, omax] = int_range(ab, a.is_unsigned);
    const auto [nmin, nmax] = int_range(bb, b.is_unsigned);
    if (nmin <= omin && nmax >= omax) return std::nullopt;
    if (nmin > omin && omin < 0 && nmin == 0) return "negative values no longer fit " + nt;
    return "values outside the range of " + nt + " no longer fit";
  }
  if (ab > 0 && (b.name == "decimal" || b.name == "double")) {
    const long long digits = ab == 8 ? 20 : ab == 4 ? 10 : ab == 3 ? 8 : ab == 2 ? 5 : 3;
    if (b.name == "double" && ab <= 4) return std::nullopt;
    if (b.name == "decimal" && !b.args.empty() &&
        to_number(b.args[0], 0) - (b.args.size() > 1 ? to_number(b.args[1], 0) : 0) >= digits) {
      return std::nullopt;
    }
  }
  if (a.name == "float" && b.name == "double") return std::nullopt;
  if (a.name == "decimal" && b.name == "decimal" && a.args.size() == 2 && b.args.size() == 2) {
    const long long op = to_number(a.args[0], 0), os = to_number(a.args[1], 0);
    const long long np = to_number(b.args[0], 0), ns = to_number(b.args[1], 0);
    if (ns < os) return "digits after the decimal point are rounded away";
    if (np - ns < op - os) return "large values no longer fit";
    return std::nullopt;
  }
  if (is_string(a.name) && is_string(b.name)) {
    if (is_binary(a.name) != is_binary(b.name)) {
      return is_binary(b.name) ? "text becomes bytes: comparisons and sorting turn byte-wise"
                               : "bytes become text in a character set: values that are not "
                                 "valid in it are refused or mangled";
    }
    const long long oc = to_number(std::string(o.str("max_chars")), -1);
    const long long nc = to_number(std::string(n.str("max_chars")), -1);
    const long long ob = to_number(std::string(o.str("max_bytes")), -1);
    const long long nb = to_number(std::string(n.str("max_bytes")), -1);
    if (nc >= 0 && oc >= 0 && nc < oc) {
      return "strings longer than " + std::to_string(nc) + " characters no longer fit";
    }
    if (nb >= 0 && ob >= 0 && nb < ob) {
      return "values longer than " + std::to_string(nb) + " bytes no longer fit";
    }
    // CHAR pads to its length; VARCHAR does not: trailing spaces compare the same in both
    // (PAD SPACE collations), so no stored value changes meaning.
    return std::nullopt;
  }
  if ((a.name == "enum" || a.name == "set") && a.name == b.name) {
    const std::set<std::string> kept(b.args.begin(), b.args.end());
    std::string gone;
    for (const std::string& v : a.args) {
      if (!kept.contains(v)) gone += (gone.empty() ? "" : ", ") + v;
    }
    if (!gone.empty()) return "member " + gone + " is no longer allowed";
    if (a.name == "enum" && !std::equal(a.args.begin(), a.args.end(), b.args.begin())) {
      return "members are reordered: stored values keep their text, but ORDER BY and "
             "comparisons by index change";
    }
    return std::nullopt;
  }
  const auto fsp = [](const Parsed& p) { return p.args.empty() ? 0 : to_number(p.args[0], 0); };
  const bool a_time = a.name == "datetime" || a.name == "timestamp" || a.name == "time";
  const bool b_time = b.name == "datetime" || b.name == "timestamp" || b.name == "time";
  if (a_time && b_time && (a.name == b.name || b.name == "datetime") && a.name != "time") {
    if (fsp(b) < fsp(a)) {
      return "fractional seconds beyond " + std::to_string(fsp(b)) + " digits are rounded away";
    }
    return std::nullopt;
  }
  if (a.name == "time" && b.name == "time" && fsp(b) >= fsp(a)) return std::nullopt;
  if (a.name == "datetime" && b.name == "timestamp") {
    return "dates outside 1970-2038 no longer fit timestamp";
  }
  if (a.name == "date" && b.name == "datetime") return std::nullopt;
  if (a.name == "bit" && b.name == "bit" && !a.args.empty() && !b.args.empty() &&
      to_number(b.args[0], 0) >= to_number(a.args[0], 0)) {
    return std::nullopt;
  }
  return "the type changes from " + ot + " to " + nt;
}

}  // namespace breakwater::sql
