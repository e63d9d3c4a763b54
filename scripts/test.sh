#!/usr/bin/env bash
# The README's test command: set up, build, run every test through ctest; then the same suite
# under AddressSanitizer + UndefinedBehaviorSanitizer (skip with BREAKWATER_NO_SANITIZE=1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
(cd build && ctest --output-on-failure -j2)
if [ "${BREAKWATER_NO_SANITIZE:-0}" != 1 ]; then
  BUILD_DIR=build-asan BUILD_TYPE=Debug bash scripts/build.sh -DBREAKWATER_SANITIZE=ON
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j2)
fi
