#pragma once

namespace demo {

// Compression settings, filled in by applications from their configuration.
struct Options {
  int level;
  int window_bits;
  bool checksum;
};

}  // namespace demo
