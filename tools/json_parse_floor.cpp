// The JSON Schema benchmark's floor: what nlohmann_json alone takes to parse the files into its
// DOM, nothing else. usage: json_parse_floor FILE...
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  size_t values = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const nlohmann::json doc = nlohmann::json::parse(text);
    values += doc.size();
  }
  std::fprintf(stderr, "%zu top-level members parsed\n", values);
  return 0;
}
