#pragma once

namespace demo {

// Compression settings, filled in by applications from their configuration.
struct Settings {
  int level;
  int window_bits;
  bool checksum;
};

// The former name, kept for existing code.
using Options = Settings;

}  // namespace demo
