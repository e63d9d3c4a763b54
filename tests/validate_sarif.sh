#!/usr/bin/env bash
# usage: validate_sarif.sh BREAKWATER EXAMPLE_DIR VALIDATOR OUT_DIR
# Runs breakwater on the bundled example with --format sarif and validates the file.
set -u
bw=$1 example=$2 validator=$3 out=$4
if [ ! -f "$validator" ] || ! command -v node >/dev/null 2>&1; then
  echo "SKIP: SARIF validator not available ($validator, node)"; exit 77
fi
cd "$example" || exit 1
"$bw" check v1 v2 --use FILE,PACKAGE,WIRE_JSON,WIRE --format sarif --output "$out/example.sarif"
rc=$?
if [ "$rc" -ne 1 ]; then echo "expected exit 1 from breakwater, got $rc"; exit 1; fi
"$bw" check v1 v1 --format sarif --output "$out/clean.sarif" || { echo "clean run failed"; exit 1; }
bash "$validator" --github "$out/example.sarif" "$out/clean.sarif"
rc=$?
if [ "$rc" -eq 2 ]; then echo "SKIP: validator could not be set up"; exit 77; fi
exit "$rc"
