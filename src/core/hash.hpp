#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace breakwater::detail {

// 128-bit FNV-1a style hash (two 64-bit lanes over differently offset bytes) as 32 hex digits:
// stable across platforms and releases, which is all a fingerprint needs (it is not a security
// boundary).
std::string stable_hash_hex(std::string_view data);

}  // namespace breakwater::detail
