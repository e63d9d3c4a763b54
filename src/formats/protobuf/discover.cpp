// Finding protobuf modules in a repository that has no `modules:` config: every buf.yaml marks
// a module root; other .proto files get the root their package implies (buf's
// PACKAGE_DIRECTORY_MATCH layout: acme/v1/x.proto with `package acme.v1;` has its root two
// directories up), so that imports resolve the way protoc -I would.
#include "formats/protobuf/discover.hpp"

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

// The package a file declares, read with a pattern rather than the parser: discovery only
// needs a hint, and the real parse happens when the module loads.
std::string package_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string line;
  static const std::regex package(R"(^\s*package\s+([A-Za-z_][A-Za-z0-9_.]*)\s*;)");
  for (int n = 0; n < 400 && std::getline(in, line); ++n) {
    std::smatch m;
    if (std::regex_search(line, m, package)) return m[1].str();
  }
  return {};
}

std::string implied_root(const std::string& workdir, const std::string& file) {
  const std::string dir = parent_of(file);
  std::string pkg = package_of(fs::path(workdir) / file);
  if (pkg.empty()) return dir;
  for (char& c : pkg) {
    if (c == '.') c = '/';
  }
  if (dir == pkg) return ".";
  if (dir.size() > pkg.size() && dir.ends_with("/" + pkg)) {
    return dir.substr(0, dir.size() - pkg.size() - 1);
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
  std::set<std::string> roots;
  for (const std::string& f : files) {
    if (!f.ends_with(".proto")) continue;
    bool governed = false;
    for (const std::string& b : buf_roots) governed = governed || under(f, b);
    if (!governed) roots.insert(implied_root(workdir, f));
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
