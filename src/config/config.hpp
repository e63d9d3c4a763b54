// breakwater.yaml (and the `breaking:` section of a buf.yaml): which contracts a repository has,
// how to load them, and which findings count. Parsing only; the run applies it.
#pragma once

#include <breakwater/check.hpp>
#include <breakwater/model.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace breakwater::config {

// Settings of one module. Top-level keys of the file fill `Config::defaults`; a module's own
// keys override them (lists replace, `severity` and `ignore_only` merge, `ignore` adds up).
struct ModuleConfig {
  std::string path;  // relative to the config file's directory, '/'-separated; "." = that dir
  std::string lang;
  std::optional<std::vector<std::string>> use, except;
  std::vector<std::string> ignore;                              // paths, relative like `path`
  std::map<std::string, std::vector<std::string>> ignore_only;  // rule or category -> paths
  std::map<std::string, std::string> severity;  // rule or category -> error|warning|info|off
  std::string compat;                           // backward | forward | full
  std::string policy;                           // strict | a policy of the catalog (lenient)
  std::vector<std::string> include;             // import roots, relative like `path`
  // buf.yaml's `ignore_unstable_packages`: findings in alpha, beta and test packages do not
  // count (the format decides what is unstable: FormatPlugin::unstable).
  std::optional<bool> ignore_unstable_packages;
  // The formats' own keys (core::OptionSpec), as spelled: paths stay relative like `path`.
  OptionValues options;
  uint32_t line = 0;                            // where the module is declared
  // Where each key's value is spelled (line, column), for errors found after loading.
  std::map<std::string, std::pair<uint32_t, uint32_t>> at;
};

struct Config {
  std::string file;  // the config file as named to the user
  // Where a module's key is spelled (else the defaults' key, else the module, else the file).
  Location where(const ModuleConfig& m, const std::string& key) const;
  std::string dir;  // its directory, absolute
  bool from_buf = false;
  int version = 1;
  ModuleConfig defaults;
  std::vector<ModuleConfig> modules;  // empty: detect contracts by extension
  std::string baseline;               // relative to dir; "" = none
  std::string fail_on;                // "" = the CLI default
  // Keys accepted for compatibility that change nothing: `path:line:col: warning: ...` lines.
  std::vector<std::string> warnings;
};

// Reads a breakwater.yaml or buf.yaml. Unknown keys, wrong types and bad values throw
// InputError at file:line:col.
Config load(const std::string& path);
// breakwater.yaml, else buf.yaml, in `start` (a directory or a file's directory) and upward,
// not above `stop` (a directory; "" = the filesystem root). "" when there is none.
std::string find(const std::string& start, const std::string& stop);
// ModuleConfig with `module`'s settings laid over `defaults`.
ModuleConfig merged(const ModuleConfig& defaults, const ModuleConfig& module);
// The commented starter `breakwater init` writes.
std::string starter();

}  // namespace breakwater::config
