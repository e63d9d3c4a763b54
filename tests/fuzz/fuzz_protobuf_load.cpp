// libFuzzer target for the protobuf loader: each input becomes either a .proto file or a
// FileDescriptorSet (chosen by the first byte) and is loaded. Anything but a clean load or an
// InputError (a crash, a hang, a sanitizer report, another exception) is a bug.
#include <breakwater/check.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("bw-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(d / "tree");
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool as_set = (data[0] & 1) != 0;
  const std::filesystem::path file = as_set ? scratch() / "input.binpb" : scratch() / "tree" / "a.proto";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  breakwater::LoadOptions options;
  options.jobs = 1;
  try {
    breakwater::load_schema(as_set ? file.string() : (scratch() / "tree").string(), options);
  } catch (const breakwater::InputError&) {
  }
  return 0;
}
