// libFuzzer targets for the loaders of untrusted input, one binary per FUZZ_TARGET:
//   sql        a PostgreSQL file           sqlite       a SQLite-dialect file
//   mysql_script  a MySQL/MariaDB file, cut into statements and vetted (not run)
//   jsonschema a JSON Schema file          config       a breakwater.yaml
//   cpp_flags  compile flags, one per line, for a small header
//   compile_db a compile_commands.json governing a small header
// The input is written to a scratch folder and loaded. Anything but a clean load or an
// InputError (a crash, a hang, a sanitizer report, another exception) is a bug.
#include <breakwater/check.hpp>

#include "config/config.hpp"
#include "formats/sql/mysql_online_ddl.hpp"
#include "formats/sql/mysql_routines.hpp"
#include "formats/sql/mysql_script.hpp"

#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace {

namespace fs = std::filesystem;

const fs::path& scratch() {
  static const fs::path dir = [] {
    auto d = fs::temp_directory_path() / ("bw-fuzz-" + std::to_string(getpid()));
    fs::create_directories(d / "include");
    std::ofstream(d / "include" / "a.h") << "#pragma once\nstruct S { int a; };\nint f(S);\n";
    return d;
  }();
  return dir;
}

fs::path write(const std::string& name, const uint8_t* data, size_t size) {
  const fs::path file = scratch() / name;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return file;
}

void load(const uint8_t* data, size_t size) {
  constexpr std::string_view target = FUZZ_TARGET;
  breakwater::LoadOptions options;
  options.jobs = 1;
  if (target == "sql") {
    // PostgreSQL's loader, whatever the text looks like (MySQL's goes through mysql_script).
    options.set("dialect", {"postgres"});
    breakwater::load_schema(write("s.sql", data, size).string(), options);
  } else if (target == "sqlite") {
    breakwater::load_schema(write("s.sqlite.sql", data, size).string(), options);
  } else if (target == "mysql_script") {
    // breakwater's own MySQL reading (the server that runs what passes is MariaDB's, fuzzed by
    // its makers; ending it cleanly needs a last input a fuzzer never announces).
    std::string text(reinterpret_cast<const char*>(data), size);
    for (const auto& s : breakwater::sql::split_mysql(text, "s.mysql.sql")) {
      const auto action = breakwater::sql::classify_mysql(s).action;
      // What the loader reads from a statement's words: a routine's head, the table an ALTER
      // or CREATE INDEX changes, a column's position.
      if (action == breakwater::sql::MysqlAction::routine) breakwater::sql::routine_header(text, s);
      if (action != breakwater::sql::MysqlAction::run) continue;
      breakwater::sql::changed_table(text, s);
      breakwater::sql::adds_column_mid_table(s);
      std::string statement = text.substr(s.begin, s.end - s.begin);
      breakwater::sql::for_mariadb(statement);
    }
  } else if (target == "jsonschema") {
    breakwater::load_schema(write("a.json", data, size).string(), options);
  } else if (target == "config") {
    breakwater::config::load(write("breakwater.yaml", data, size).string());
  } else if (target == "cpp_flags") {
    std::vector<std::string> flags;
    std::istringstream lines(std::string(reinterpret_cast<const char*>(data), size));
    for (std::string line; std::getline(lines, line) && flags.size() < 64;) flags.push_back(line);
    options.set("compile_flags", flags);
    breakwater::load_schema((scratch() / "include").string(), options);
  } else if (target == "compile_db") {
    options.set("compile_commands", {write("compile_commands.json", data, size).string()});
    breakwater::load_schema((scratch() / "include").string(), options);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    load(data, size);
  } catch (const breakwater::InputError&) {
  }
  return 0;
}
