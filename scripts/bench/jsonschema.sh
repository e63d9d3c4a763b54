#!/usr/bin/env bash
# JSON Schema benchmark: generates a 2020-12 schema of N definitions (gen_jsonschema_corpus.py:
# closed/partial/open objects, enums, bounds, arrays of $refs, anyOf/oneOf, self-references;
# ~51 MB a side at 20,000) and a NEW copy with mutations of known verdict, then reports wall
# time, CPU time and peak RSS for breakwater and for nlohmann's parse-only floor
# (json_parse_floor: both files into nlohmann's DOM, nothing else), recall and false alarms
# against the manifest, and -j1 vs -jN determinism. Run by hand; record the figures in
# docs/performance.md.
#
# usage: scripts/bench/jsonschema.sh [--defs N] [--mutations M] [--keep] [--dir DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
defs=20000 mutations=300 keep=0 dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --defs) defs=$2; shift ;;
    --mutations) mutations=$2; shift ;;
    --keep) keep=1 ;;
    --dir) dir=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
BREAKWATER=${BREAKWATER:-$root/build/breakwater}
FLOOR=${FLOOR:-$root/build/json_parse_floor}
[ -x "$BREAKWATER" ] && [ -x "$FLOOR" ] || { echo "build first: $BREAKWATER, $FLOOR" >&2; exit 2; }
dir=${dir:-$(mktemp -d /tmp/bw-jsonschema-bench-XXXXXX)}
[ "$keep" = 1 ] || trap 'rm -rf "$dir"' EXIT
[ -f "$dir/manifest.json" ] ||
  python3 "$here/gen_jsonschema_corpus.py" "$dir" --defs "$defs" --mutations "$mutations"
echo "corpus: $defs definitions, $(du -sh "$dir/old" | cut -f1) OLD, $(du -sh "$dir/new" | cut -f1) NEW ($dir)"
echo "machine: $(nproc) cores; $(uname -sr)"

. "$here/measure.sh"

measure "nlohmann parse-only (both)" "$FLOOR" "$dir/old/schema.json" "$dir/new/schema.json"
measure "breakwater check" sh -c "cd '$dir' && '$BREAKWATER' check old new --format json -o '$dir/n.json'"
measure "breakwater check -j1" sh -c "cd '$dir' && '$BREAKWATER' check old new -j 1 --format json -o '$dir/1.json'"
if cmp -s "$dir/n.json" "$dir/1.json"; then
  echo "determinism: -j1 and -jN outputs are byte-identical"
else
  echo "determinism: OUTPUTS DIFFER between -j1 and -jN" >&2; exit 1
fi
python3 "$here/check_manifest.py" "$dir/n.json" "$dir/manifest.json"
