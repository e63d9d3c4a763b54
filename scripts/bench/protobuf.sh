#!/usr/bin/env bash
# Protobuf benchmark: generates OLD/NEW corpora (gen_proto_corpus.py), then reports wall time,
# CPU time and peak RSS for breakwater, for the libprotobuf parse-only floor (protoc on each
# side) and, with --buf, for `buf breaking` (FILE). Also checks that 1 and N threads give
# byte-identical output. Run by hand; record the figures in docs/performance.md.
#
# With --git, OLD is also committed to a throwaway repository and NEW compared with it through
# `--against HEAD` (libgit2 export of the commit) and in whole-repository mode.
#
# usage: scripts/bench/protobuf.sh [--files N] [--buf] [--git] [--keep] [--dir DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
files=2000 with_buf=0 with_git=0 keep=0 dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --files) files=$2; shift ;;
    --buf) with_buf=1 ;;
    --git) with_git=1 ;;
    --keep) keep=1 ;;
    --dir) dir=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
BREAKWATER=${BREAKWATER:-$root/build/breakwater}
[ -x "$BREAKWATER" ] || { echo "build first: $BREAKWATER" >&2; exit 2; }
dir=${dir:-$(mktemp -d /tmp/bw-bench-XXXXXX)}
[ "$keep" = 1 ] || trap 'rm -rf "$dir"' EXIT

if [ ! -d "$dir/old/bench" ]; then
  python3 "$here/gen_proto_corpus.py" "$dir" --files "$files"
fi
echo "corpus: $files files per side, $(du -sh "$dir/old" | cut -f1) OLD, $(du -sh "$dir/new" | cut -f1) NEW ($dir)"
echo "machine: $(nproc) cores; $(uname -sr)"

. "$here/measure.sh"

list=$(cd "$dir/old" && find bench -name '*.proto' | sort)
measure "protoc parse-only OLD" sh -c "cd '$dir/old' && protoc -I . --include_source_info -o /dev/null $(echo $list)"
measure "protoc parse-only NEW" sh -c "cd '$dir/new' && protoc -I . --include_source_info -o /dev/null $(echo $list)"
measure "breakwater check (FILE)" sh -c "cd '$dir' && '$BREAKWATER' check old new --format json -o /tmp/bw-bench-n.json"
measure "breakwater check (FILE, -j1)" sh -c "cd '$dir' && '$BREAKWATER' check old new -j 1 --format json -o /tmp/bw-bench-1.json"
if cmp -s /tmp/bw-bench-n.json /tmp/bw-bench-1.json; then
  echo "determinism: -j1 and -jN outputs are byte-identical ($(grep -c '"rule_id"' /tmp/bw-bench-n.json) findings)"
else
  echo "determinism: OUTPUTS DIFFER between -j1 and -jN" >&2; exit 1
fi
measure "breakwater check (all 4 categories)" sh -c "cd '$dir' && '$BREAKWATER' check old new --use FILE,PACKAGE,WIRE_JSON,WIRE --format json -o '$dir/all-categories.json'"
if [ "$with_git" = 1 ]; then
  repo="$dir/repo"
  rm -rf "$repo" && mkdir -p "$repo"
  cp -r "$dir/old/bench" "$repo/"
  git -C "$repo" init -q -b main
  git -C "$repo" add -A
  git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -qm old
  rm -rf "$repo/bench" && cp -r "$dir/new/bench" "$repo/"
  measure "breakwater check . --against HEAD" sh -c "cd '$repo' && '$BREAKWATER' check . --against HEAD --format json -o /tmp/bw-bench-g.json"
  measure "breakwater check --against HEAD (repo)" sh -c "cd '$repo' && '$BREAKWATER' check --against HEAD --format json -o /dev/null"
  echo "git mode findings: $(grep -c '"rule_id"' /tmp/bw-bench-g.json) (directories: $(grep -c '"rule_id"' /tmp/bw-bench-n.json))"
fi
if [ "$with_buf" = 1 ]; then
  BUF_CACHE=${BUF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/breakwater/buf-1.75.0}
  buf="$BUF_CACHE/node_modules/.bin/buf"
  [ -x "$buf" ] || npm install --silent --prefix "$BUF_CACHE" @bufbuild/buf@1.75.0 >&2
  measure "buf breaking (FILE)" sh -c "cd '$dir/new' && '$buf' breaking . --against ../old --error-format json"
fi
rm -f /tmp/bw-bench-n.json /tmp/bw-bench-1.json
