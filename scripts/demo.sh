#!/usr/bin/env bash
# The README's main-job command: set up, build, and check the bundled protobuf example (v1 -> v2).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_TARGETS=breakwater bash scripts/build.sh
cd examples/protobuf
set +e
../../build/breakwater check v1 v2 "$@"
status=$?
set -e
echo "(exit status $status: 0 = safe, 1 = breaking changes, 2 = error)"
[ "$status" -le 1 ]
