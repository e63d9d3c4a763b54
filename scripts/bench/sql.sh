#!/usr/bin/env bash
# SQL benchmark: generates a PostgreSQL schema (gen_sql_corpus.py: N tables x 20 columns with
# FKs, unique and plain indexes, views and enums) and a NEW copy with mutations of known verdict,
# then reports wall time, CPU time and peak RSS for breakwater and for the libpg_query parse-only
# floor (pg_parse_floor.py: split + parse every statement of both sides, nothing else), recall and
# false alarms against the manifest, and -j1 vs -jN determinism. Run by hand; record the figures
# in docs/performance.md.
#
# usage: scripts/bench/sql.sh [--tables N] [--mutations M] [--keep] [--dir DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tables=5000 mutations=300 keep=0 dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tables) tables=$2; shift ;;
    --mutations) mutations=$2; shift ;;
    --keep) keep=1 ;;
    --dir) dir=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
BREAKWATER=${BREAKWATER:-$root/build/breakwater}
[ -x "$BREAKWATER" ] || { echo "build first: $BREAKWATER" >&2; exit 2; }
dir=${dir:-$(mktemp -d /tmp/bw-sql-bench-XXXXXX)}
[ "$keep" = 1 ] || trap 'rm -rf "$dir"' EXIT
[ -f "$dir/manifest.json" ] || python3 "$here/gen_sql_corpus.py" "$dir" --tables "$tables" --mutations "$mutations"
echo "corpus: $tables tables, $(du -sh "$dir/old" | cut -f1) OLD, $(du -sh "$dir/new" | cut -f1) NEW ($dir)"
echo "machine: $(nproc) cores; $(uname -sr)"

. "$here/measure.sh"

measure "libpg_query parse-only (both)" python3 "$here/pg_parse_floor.py" "$dir/old/schema.sql" "$dir/new/schema.sql"
measure "breakwater check" sh -c "cd '$dir' && '$BREAKWATER' check old new --format json -o '$dir/n.json'"
measure "breakwater check -j1" sh -c "cd '$dir' && '$BREAKWATER' check old new -j 1 --format json -o '$dir/1.json'"
if cmp -s "$dir/n.json" "$dir/1.json"; then
  echo "determinism: -j1 and -jN outputs are byte-identical"
else
  echo "determinism: OUTPUTS DIFFER between -j1 and -jN" >&2; exit 1
fi
python3 "$here/check_manifest.py" "$dir/n.json" "$dir/manifest.json"
