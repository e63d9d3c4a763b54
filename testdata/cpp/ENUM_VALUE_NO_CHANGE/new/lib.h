#pragma once

namespace demo {

enum class Compression { None, Gzip, Zstd };

// Selects the codec used for every archive written afterwards.
void set_compression(Compression codec);

}  // namespace demo
