#!/usr/bin/env bash
# JSON Schema benchmark: generates a 2020-12 schema of N definitions (gen_jsonschema_corpus.py:
# closed/partial/open objects, enums, bounds, arrays of $refs, anyOf/oneOf, self-references;
# ~51 MB a side at 20,000) and a NEW copy with mutations of known verdict, then reports wall
# time, CPU time and peak RSS for breakwater and for nlohmann's parse-only floor
# (json_parse_floor: both files into nlohmann's DOM, nothing else), recall and false alarms
# against the manifest, and -j1 vs -jN determinism. Run by hand; record the figures in
# docs/performance.md.
#
# --peers DIR also runs the npm peers, installed into the npm prefix DIR on first use (never a
# dependency of the tests or CI): api-smart-diff on the same pair (jsonschema_peer_asd.js, with
# its verdict against the manifest), then json-schema-diff, impractical beyond a few definitions,
# on a tiny corpus of 10 (in the bench dir's tiny/) beside breakwater and api-smart-diff on it.
# Each peer run is cut at PEER_TIMEOUT seconds (600).
#
# usage: scripts/bench/jsonschema.sh [--defs N] [--mutations M] [--keep] [--dir DIR] [--peers DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
defs=20000 mutations=300 keep=0 dir="" peers=""
while [ $# -gt 0 ]; do
  case "$1" in
    --defs) defs=$2; shift ;;
    --mutations) mutations=$2; shift ;;
    --keep) keep=1 ;;
    --dir) dir=$2; shift ;;
    --peers) peers=$2; shift ;;
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
manifest_status=0
python3 "$here/check_manifest.py" "$dir/n.json" "$dir/manifest.json" || manifest_status=$?
[ -n "$peers" ] || exit "$manifest_status"

# Pinned so that figures from different runs compare; reinstalled when DIR holds other versions.
asd_version=1.0.6 jsd_version=1.0.0
command -v npm >/dev/null || { echo "--peers needs node and npm" >&2; exit 2; }
mkdir -p "$peers" && peers=$(cd "$peers" && pwd)
installed() { node -p "require('$peers/node_modules/$1/package.json').version" 2>/dev/null || true; }
if [ "$(installed api-smart-diff)" != "$asd_version" ] || [ "$(installed json-schema-diff)" != "$jsd_version" ]; then
  npm install --prefix "$peers" --save-exact --no-audit --no-fund --loglevel=error \
    "api-smart-diff@$asd_version" "json-schema-diff@$jsd_version" >/dev/null
fi
echo "peers: api-smart-diff $asd_version, json-schema-diff $jsd_version, node $(node --version) ($peers)"
timeout=${PEER_TIMEOUT:-600}
# measure keeps only the exit status: each peer run keeps its output in a file, and timeout's
# status 124 is told apart from a peer's own failure.
bounded() {  # bounded LABEL OUT CMD...: measure CMD under timeout with its output in OUT
  local label=$1 out=$2; shift 2
  measure "$label" sh -c 'o=$1; shift; timeout "$@" >"$o" 2>&1; s=$?; echo $s >"$o.status"; exit $s' \
    sh "$out" "$timeout" "$@"
  [ "$(cat "$out.status")" != 124 ] || echo "TIMED OUT after $timeout s" >"$out"
}
asd() {  # asd LABEL DIR: api-smart-diff on DIR's pair, then its lines or why there are none
  local out=$2/asd.txt
  bounded "$1" "$out" node "$here/jsonschema_peer_asd.js" "$peers" \
    "$2/old/schema.json" "$2/new/schema.json" "$2/manifest.json"
  # a V8 abort (out of memory) prints none of the driver's lines
  { grep "^api-smart-diff" "$out" ||
    echo "api-smart-diff: no result (exit $(cat "$out.status")): $(grep -m1 . "$out")"; } | sed 's/^/  /'
}
asd "api-smart-diff" "$dir"

# json-schema-diff stops being practical at 10 to 15 definitions (the issue: 8 s at 10, over
# 300 s at 15), so it runs on a tiny corpus, with breakwater and api-smart-diff for comparison.
tiny=$dir/tiny
[ -f "$tiny/manifest.json" ] ||
  python3 "$here/gen_jsonschema_corpus.py" "$tiny" --defs 10 --mutations 10
echo "tiny corpus: 10 definitions, 10 mutations ($tiny)"
measure "breakwater check (tiny)" sh -c "cd '$tiny' && '$BREAKWATER' check old new --format json -o '$tiny/n.json'"
python3 "$here/check_manifest.py" "$tiny/n.json" "$tiny/manifest.json" | sed 's/^/  /' || true
asd "api-smart-diff (tiny)" "$tiny"
bounded "json-schema-diff (tiny)" "$tiny/jsd.txt" "$peers/node_modules/.bin/json-schema-diff" \
  "$tiny/old/schema.json" "$tiny/new/schema.json"
# Its CLI exits 1 both on a breaking change and on an error, for which it prints the error
# object: tell which from its output. One verdict for the whole pair. (It refuses $ref cycles,
# which this generator always makes, and a 2020-12 $schema: it reads draft-07 only.)
verdict=$(grep -m1 -oE "TIMED OUT.*|(Breaking|Non-breaking) changes found|No differences found" "$tiny/jsd.txt" ||
  sed -n "s/^ *message: '\(.*\)',\{0,1\}$/refused: \1/p" "$tiny/jsd.txt" | grep -m1 . ||
  echo "no verdict (exit $(cat "$tiny/jsd.txt.status"))")
echo "  json-schema-diff: $verdict"
exit "$manifest_status"
