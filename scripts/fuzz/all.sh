#!/usr/bin/env bash
# Fuzzes every loader of untrusted input with libFuzzer (clang + ASan/UBSan), SECONDS each
# (default 600), seeded from testdata/ and examples/. Crashes land in build-fuzz/crashes/NAME/;
# each one found becomes a regression case under testdata/scenarios/ once fixed.
#   usage: scripts/fuzz/all.sh [SECONDS] [TARGET...]
#   targets: protobuf_load sql sqlite mysql_script jsonschema config cpp_flags compile_db
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
shift || true
targets=("$@")
found=()
[ ${#targets[@]} -gt 0 ] || targets=(protobuf_load sql sqlite mysql_script jsonschema config cpp_flags compile_db)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DBREAKWATER_SANITIZE=ON -DBREAKWATER_FUZZ=ON -DBREAKWATER_WERROR=OFF >/dev/null
ninja -C build-fuzz $(printf 'fuzz_%s ' "${targets[@]}")

seed() {  # NAME FIND-ARGS...: one corpus file per matching testdata file
  local corpus=build-fuzz/corpus/$1
  shift
  mkdir -p "$corpus"
  find testdata examples "$@" 2>/dev/null | while read -r f; do
    cp "$f" "$corpus/$(echo "$f" | md5sum | cut -c1-16)"
  done
}
for t in "${targets[@]}"; do
  case $t in
    protobuf_load)
      mkdir -p build-fuzz/corpus/protobuf_load
      find testdata examples -name '*.proto' | while read -r f; do
        { printf '\0'; cat "$f"; } > "build-fuzz/corpus/protobuf_load/$(echo "$f" | md5sum | cut -c1-16)"
      done ;;
    sql) seed sql -name '*.sql' -not -name '*.sqlite.sql' ;;
    sqlite) seed sqlite -name '*.sqlite.sql' ;;
    mysql_script) seed mysql_script -name '*.sql' -path '*mysql*' ;;
    jsonschema) seed jsonschema -name '*.json' -path '*jsonschema*' ;;
    config) seed config \( -name 'breakwater.yaml' -o -name 'buf.yaml' \) ;;
    cpp_flags) mkdir -p build-fuzz/corpus/cpp_flags
      printf -- '-DX=1\n-std=c++20\n-Iinclude\n' > build-fuzz/corpus/cpp_flags/seed ;;
    compile_db) seed compile_db -name 'compile_commands.json' ;;
  esac
  mkdir -p "build-fuzz/crashes/$t"
  echo "== fuzz_$t for ${seconds}s"
  # A finding stops that target only; the others still run, and the status tells.
  LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp:print_suppressions=0 \
    build-fuzz/tests/fuzz_$t "build-fuzz/corpus/$t" -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=4096 -artifact_prefix="build-fuzz/crashes/$t/" -print_final_stats=1 ||
    found+=("$t")
done
if [ ${#found[@]} -gt 0 ]; then
  echo "findings in: ${found[*]} (inputs under build-fuzz/crashes/)"
  exit 1
fi
echo "no finding in ${targets[*]}"

