#pragma once

#include <breakwater/check.hpp>
#include <breakwater/model.hpp>

#include <filesystem>
#include <string>

namespace breakwater::protobuf {

// A directory holding .proto files, a .proto file, or a FileDescriptorSet (by content).
bool claims(const std::filesystem::path& path);
// Parses (in parallel across files), links, and converts to the common model. Bad input throws
// InputError located at path:line:col.
Schema load(const std::string& path, const LoadOptions& options);

}  // namespace breakwater::protobuf
