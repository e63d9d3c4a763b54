#!/usr/bin/env bash
# MySQL benchmark: generates a mysqldump-style schema (gen_mysql_corpus.py: N tables of 12
# columns with keys, foreign keys and checks) and a NEW copy with mutations of known verdict,
# then reports wall time, CPU time and peak RSS for breakwater and for the floor (the embedded
# MariaDB server executing both sides' DDL, nothing read back: mysql_exec_floor), recall and
# false alarms against the manifest, and -j1 vs -jN determinism. Run by hand; record the
# figures in docs/performance.md.
#
# usage: scripts/bench/mysql.sh [--tables N] [--mutations M] [--keep] [--dir DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tables=1000 mutations=100 keep=0 dir=""
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
FLOOR=${FLOOR:-$root/build/mysql_exec_floor}
[ -x "$BREAKWATER" ] && [ -x "$FLOOR" ] || { echo "build first: $BREAKWATER, $FLOOR" >&2; exit 2; }
dir=${dir:-$(mktemp -d /tmp/bw-mysql-bench-XXXXXX)}
[ "$keep" = 1 ] || trap 'rm -rf "$dir"' EXIT
[ -f "$dir/manifest.json" ] || python3 "$here/gen_mysql_corpus.py" "$dir" --tables "$tables" --mutations "$mutations"
echo "corpus: $tables tables, $(du -sh "$dir/old" | cut -f1) OLD, $(du -sh "$dir/new" | cut -f1) NEW ($dir)"
echo "machine: $(nproc) cores; $(uname -sr)"

. "$here/measure.sh"

measure "embedded server executes (both)" "$FLOOR" "$dir/old/schema.sql" "$dir/new/schema.sql"
measure "breakwater check" sh -c "cd '$dir' && '$BREAKWATER' check old new --dialect mysql --format json -o '$dir/n.json'"
measure "breakwater check -j1" sh -c "cd '$dir' && '$BREAKWATER' check old new --dialect mysql -j 1 --format json -o '$dir/1.json'"
if cmp -s "$dir/n.json" "$dir/1.json"; then
  echo "determinism: -j1 and -jN outputs are byte-identical"
else
  echo "determinism: OUTPUTS DIFFER between -j1 and -jN" >&2; exit 1
fi
python3 "$here/check_manifest.py" "$dir/n.json" "$dir/manifest.json"
