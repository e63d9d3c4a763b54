#!/usr/bin/env bash
# C++ headers benchmark: the 91 headers of Debian's libprotobuf-dev (61k lines) as OLD, and a
# NEW copy with mutations of known verdict; reports wall time, CPU time and peak RSS for
# breakwater and for libclang's parse of both header sets (clang_parse_floor: the same umbrella
# translation unit, nothing modelled), checks that OLD against itself reports nothing and that
# every mutation is reported by its rule, and runs abi-compliance-checker in headers-only mode
# when it is installed (`apt-get install abi-compliance-checker`; minutes). Run by hand; record
# the figures in docs/performance.md.
#
# usage: scripts/bench/cpp.sh [--keep] [--dir DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
keep=0 dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1 ;;
    --dir) dir=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
BREAKWATER=${BREAKWATER:-$root/build/breakwater}
FLOOR=${FLOOR:-$root/build/clang_parse_floor}
[ -x "$BREAKWATER" ] && [ -x "$FLOOR" ] || { echo "build first: $BREAKWATER, $FLOOR" >&2; exit 2; }
dir=${dir:-$(mktemp -d /tmp/bw-cpp-bench-XXXXXX)}
[ "$keep" = 1 ] || trap 'rm -rf "$dir"' EXIT
rm -rf "$dir/old" "$dir/new"
# The package's own headers, under an include root as clients see them (<google/protobuf/...>).
for f in $(dpkg -L libprotobuf-dev | grep -E '^/usr/include/google/protobuf/.*\.(h|inc)$'); do
  mkdir -p "$dir/old/$(dirname "${f#/usr/include/}")"
  cp "$f" "$dir/old/${f#/usr/include/}"
done
cp -r "$dir/old" "$dir/new"
p="$dir/new/google/protobuf"
# Mutations of known verdict (file, edit, rule expected).
sed -i 's/    TYPE_DOUBLE = 1, /    TYPE_DOUBLE = 101, /' "$p/descriptor.h"
sed -i 's/^  virtual size_t ByteSizeLong() const = 0;/  virtual void BreakwaterInserted();\n&/' "$p/message_lite.h"
sed -i 's/^#define GOOGLE_PROTOBUF_VERSION 3021012/#define GOOGLE_PROTOBUF_VERSION 3021013/' "$p/stubs/common.h"
sed -i 's/^class PROTOBUF_EXPORT Status {/&\n  int breakwater_added_ = 0;/' "$p/stubs/status.h"
expected="ENUM_VALUE_NO_CHANGE VIRTUAL_NO_CHANGE CONSTANT_NO_CHANGE RECORD_LAYOUT_NO_CHANGE"
echo "headers: $(find "$dir/old" -name '*.h' | wc -l) files, $(cat $(find "$dir/old" -name '*.h') | wc -l) lines a side ($dir)"
echo "machine: $(nproc) cores; $(uname -sr)"

. "$here/measure.sh"

measure "libclang parse-only (both)" "$FLOOR" "$dir/old" "$dir/new"
measure "breakwater OLD vs OLD" "$BREAKWATER" check "$dir/old" "$dir/old" --lang cpp
"$BREAKWATER" check "$dir/old" "$dir/old" --lang cpp --format json -o "$dir/same.json" || true
measure "breakwater OLD vs NEW" "$BREAKWATER" check "$dir/old" "$dir/new" --lang cpp
"$BREAKWATER" check "$dir/old" "$dir/new" --lang cpp --format json -o "$dir/n.json" || true
python3 - "$dir/same.json" "$dir/n.json" $expected <<'PY'
import json, sys
same = json.load(open(sys.argv[1]))["findings"]
found = [f["rule_id"] for f in json.load(open(sys.argv[2]))["findings"]]
expected = sys.argv[3:]
print(f"OLD vs OLD: {len(same)} findings (must be 0)")
missing = [r for r in expected if r not in found]
extra = [r for r in found if r not in expected]
print(f"recall: {len(expected) - len(missing)}/{len(expected)} mutations reported"
      + (f"; missed {missing}" if missing else "")
      + f"; other findings: {len(extra)}" + (f" {sorted(set(extra))}" if extra else ""))
sys.exit(0 if not same and not missing else 1)
PY
if command -v abi-compliance-checker >/dev/null 2>&1; then
  for side in old new; do
    printf '<version>%s</version>\n<headers>\n%s\n</headers>\n' "$side" "$dir/$side" > "$dir/$side.xml"
  done
  measure "abi-compliance-checker headers-only" \
    sh -c "cd '$dir' && abi-compliance-checker -lib protobuf -old old.xml -new new.xml -headers-only"
else
  echo "abi-compliance-checker: not installed (apt-get install abi-compliance-checker); not run"
fi
