// Finding protobuf modules in a repository that has no `modules:` config: every buf.yaml marks
// a module root; other .proto files get the root their package implies (buf's
// PACKAGE_DIRECTORY_MATCH layout: acme/v1/x.proto with `package acme.v1;` has its root two
// directories up) or, failing that, the root their imports are written against, so that imports
// resolve the way protoc -I would.
#include "formats/protobuf/discover.hpp"

#include "core/read_input.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace breakwater::protobuf {
namespace fs = std::filesystem;

namespace {

std::string parent_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

bool under(const std::string& path, const std::string& dir) {
  return dir == "." || path == dir || path.starts_with(dir + "/");
}

struct Sniffed {
  std::string package;
  std::vector<std::string> imports;
};

// The package and imports a file declares, read with patterns rather than the parser: discovery
// only needs hints, and the real parse happens when the module loads.
Sniffed sniff(const fs::path& file) {
  // A refused file (a link out of the repository, a FIFO) is left to the loader to report.
  if (!detail::refusal(file).empty()) return {};
  std::ifstream in(file, std::ios::binary);
  std::string line;
  static const std::regex package(R"(^\s*package\s+([A-Za-z_][A-Za-z0-9_.]*)\s*;)");
  static const std::regex import(R"re(^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;)re");
  Sniffed out;
  for (int n = 0; n < 400 && std::getline(in, line); ++n) {
    // std::regex is slow; most lines are neither statement.
    const bool maybe_package = line.find("package") != std::string::npos;
    if (!maybe_package && line.find("import") == std::string::npos) continue;
    std::smatch m;
    if (maybe_package && out.package.empty() && std::regex_search(line, m, package)) {
      out.package = m[1].str();
    } else if (std::regex_search(line, m, import)) {
      out.imports.push_back(m[1].str());
    }
  }
  return out;
}

// The import root of `file`: the directory its package implies (buf's layout), else the deepest
// ancestor from which one of its imports names an existing file, else its own directory.
std::string implied_root(const std::string& workdir, const std::string& file,
                         const std::set<std::string>& all) {
  const std::string dir = parent_of(file);
  const Sniffed found = sniff(fs::path(workdir) / file);
  std::string pkg = found.package;
  for (char& c : pkg) {
    if (c == '.') c = '/';
  }
  if (!pkg.empty() && dir == pkg) return ".";
  if (!pkg.empty() && dir.size() > pkg.size() && dir.ends_with("/" + pkg)) {
    return dir.substr(0, dir.size() - pkg.size() - 1);
  }
  for (std::string root = dir;; root = parent_of(root)) {
    for (const std::string& imp : found.imports) {
      if (all.contains(root == "." ? imp : root + "/" + imp)) return root;
    }
    if (root == ".") break;
  }
  return dir;
}

}  // namespace

std::vector<detail::DiscoveredModule> discover(const std::string& workdir,
                                               const std::vector<std::string>& files) {
  std::vector<detail::DiscoveredModule> modules;
  std::vector<std::string> buf_roots;
  for (const std::string& f : files) {
    if (fs::path(f).filename() == "buf.yaml") {
      buf_roots.push_back(parent_of(f));
      modules.push_back({parent_of(f), {}, f});
    }
  }
  std::set<std::string> protos;
  for (const std::string& f : files) {
    if (f.ends_with(".proto")) protos.insert(f);
  }
  std::set<std::string> roots;
  for (const std::string& f : protos) {
    bool governed = false;
    for (const std::string& b : buf_roots) governed = governed || under(f, b);
    if (!governed) roots.insert(implied_root(workdir, f, protos));
  }
  // A root inside another root is an import root of the outer module, not a module of its own.
  std::map<std::string, std::vector<std::string>> outer;
  for (const std::string& r : roots) {
    std::string owner = r;
    for (const std::string& o : roots) {
      if (o != r && under(r, o) && o.size() < owner.size()) owner = o;
      if (o != r && o == "." && owner != ".") owner = ".";
    }
    if (owner == r) {
      outer[r];
    } else {
      outer[owner].push_back(r);
    }
  }
  for (auto& [root, inner] : outer) modules.push_back({root, inner, {}});
  return modules;
}

}  // namespace breakwater::protobuf
