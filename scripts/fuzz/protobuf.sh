#!/usr/bin/env bash
# Fuzzes the protobuf loader with libFuzzer (clang + ASan/UBSan) for SECONDS (default 120),
# seeded with every .proto under testdata/ and examples/. Run by hand; crashes land in
# build-fuzz/crashes/.   usage: scripts/fuzz/protobuf.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-120}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DBREAKWATER_SANITIZE=ON -DBREAKWATER_FUZZ=ON -DBREAKWATER_WERROR=OFF >/dev/null
ninja -C build-fuzz fuzz_protobuf_load
corpus=build-fuzz/corpus
mkdir -p "$corpus" build-fuzz/crashes
# Seeds: each .proto with a leading 0 byte (text mode).
find testdata examples -name '*.proto' | while read -r f; do
  { printf '\0'; cat "$f"; } > "$corpus/$(echo "$f" | md5sum | cut -c1-16)"
done
build-fuzz/tests/fuzz_protobuf_load "$corpus" -max_total_time="$seconds" -timeout=10 \
  -artifact_prefix=build-fuzz/crashes/ -print_final_stats=1
