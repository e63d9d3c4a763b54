#include "formats/cpp/compile_db.hpp"

#include "core/read_input.hpp"
#include "formats/cpp/flags.hpp"

#include <breakwater/check.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>

namespace breakwater::cpp {
namespace fs = std::filesystem;

std::vector<std::string> split_command(const std::string& command) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < command.size(); ++i) {
    const char c = command[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\\' && i + 1 < command.size()) {
      word += command[++i];
    } else if (c == '\'') {
      const size_t end = command.find('\'', i + 1);
      word += command.substr(i + 1, end == std::string::npos ? end : end - i - 1);
      i = end == std::string::npos ? command.size() : end;
    } else if (c == '"') {
      for (++i; i < command.size() && command[i] != '"'; ++i) {
        if (command[i] == '\\' && i + 1 < command.size() &&
            std::string_view("\"\\$`").find(command[i + 1]) != std::string_view::npos)
          ++i;
        word += command[i];
      }
    } else {
      word += c;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

namespace {

[[noreturn]] void bad(const std::string& db, const std::string& why, uint32_t line = 0,
                      uint32_t column = 0) {
  throw InputError(Location{db, line, column}, why);
}

// Options a build passes that only concern outputs and dependency files: dropped, not refused.
bool output_only(std::string_view a, bool& skip_next) {
  for (std::string_view with_value : {"-o", "-MF", "-MT", "-MQ", "-MJ", "-x"}) {
    if (a == with_value) {
      skip_next = true;
      return true;
    }
  }
  for (std::string_view exact :
       {"-c", "-S", "-E", "-MD", "-MMD", "-MP", "-M", "-MM", "-pipe", "--"})
    if (a == exact) return true;
  return a.starts_with("-o") || a.starts_with("-MF") || a.starts_with("-MT") ||
         a.starts_with("-MQ") || a.starts_with("-MJ") || a.starts_with("-x");
}

size_t shared_prefix(const fs::path& a, const fs::path& b) {
  size_t n = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end() && *i == *j; ++i, ++j) ++n;
  return n;
}

}  // namespace

std::vector<std::string> flags_from_compile_db(const std::string& db, const fs::path& root) {
  // Named by a config that comes with the change: a device or a pipe would hang or exhaust the
  // run, so only a regular file of sensible size is read.
  const std::string text = detail::read_input(db, db, "compilation database ");
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    uint32_t line = 1, column = 1;
    for (size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    bad(db, "not valid JSON", line, column);
  } catch (const nlohmann::json::exception&) {
    // A number beyond a double's range (1e999): valid JSON text, no value a parse can keep.
    bad(db, "not valid JSON (a number out of range)");
  }
  if (!doc.is_array() || doc.empty())
    bad(db, "a compilation database is a non-empty JSON array of {directory, file, command}");
  struct Entry {
    size_t score;
    std::string file;
    const nlohmann::json* json;
  };
  std::vector<Entry> entries;
  for (const nlohmann::json& e : doc) {
    if (!e.is_object() || !e.contains("directory") || !e.contains("file") ||
        !e["directory"].is_string() || !e["file"].is_string() ||
        !(e.contains("arguments") || e.contains("command")))
      bad(db, "an entry lacks directory, file, or command/arguments");
    if (e["directory"].get<std::string>().empty()) bad(db, "an entry's directory is empty");
    const fs::path dir = fs::absolute(e["directory"].get<std::string>());
    const fs::path file = (dir / e["file"].get<std::string>()).lexically_normal();
    entries.push_back({shared_prefix(file, root), file.string(), &e});
  }
  // The entry nearest the headers; the same database always gives the same flags.
  const Entry& best =
      *std::min_element(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.score != b.score ? a.score > b.score : a.file < b.file;
      });
  const nlohmann::json& e = *best.json;
  std::vector<std::string> args;
  if (e.contains("arguments")) {
    if (!e["arguments"].is_array()) bad(db, "'arguments' must be an array of strings");
    for (const nlohmann::json& a : e["arguments"]) {
      if (!a.is_string()) bad(db, "'arguments' must be an array of strings");
      args.push_back(a.get<std::string>());
    }
  } else {
    if (!e["command"].is_string()) bad(db, "'command' must be a string");
    args = split_command(e["command"].get<std::string>());
  }
  const fs::path dir = fs::absolute(e["directory"].get<std::string>()).lexically_normal();
  const std::string source = e["file"].get<std::string>();
  std::vector<std::string> flags;
  bool skip_next = false;
  for (size_t i = 1; i < args.size(); ++i) {  // args[0] is the compiler
    if (skip_next) {
      skip_next = false;
      continue;
    }
    const std::string& a = args[i];
    if (output_only(a, skip_next)) continue;
    if (a == source || (dir / a).lexically_normal().string() == best.file) continue;
    flags.push_back(a);
  }
  return map_flag_paths(flags, [&dir](const std::string& p) {
    return fs::path(p).is_absolute() ? p : (dir / p).lexically_normal().string();
  });
}

}  // namespace breakwater::cpp
