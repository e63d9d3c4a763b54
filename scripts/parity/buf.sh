#!/usr/bin/env bash
# Differential check against buf: runs `buf breaking` (npm @bufbuild/buf, pinned) and breakwater
# on every testdata/protobuf case for each of the four categories and prints the findings on
# which they disagree (rule id + NEW file + line). Differences listed in known-differences.txt
# are deliberate (see docs/protobuf.md) and shown as "explained"; any other difference makes the
# exit status 1.
#
# usage: scripts/parity/buf.sh [CASE_NAME_FILTER]     (run by hand, not in CI)
# env:   BUF_VERSION (1.75.0), BUF_CACHE (~/.cache/breakwater/buf), BREAKWATER (build/breakwater)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
BUF_VERSION=${BUF_VERSION:-1.75.0}
BUF_CACHE=${BUF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/breakwater/buf-$BUF_VERSION}
BREAKWATER=${BREAKWATER:-$root/build/breakwater}
buf="$BUF_CACHE/node_modules/.bin/buf"
if [ ! -x "$buf" ]; then
  echo "parity: installing @bufbuild/buf@$BUF_VERSION into $BUF_CACHE" >&2
  mkdir -p "$BUF_CACHE"
  npm install --silent --prefix "$BUF_CACHE" "@bufbuild/buf@$BUF_VERSION" >&2
fi
[ -x "$BREAKWATER" ] || { echo "parity: build breakwater first ($BREAKWATER)" >&2; exit 2; }
exec python3 "$here/compare.py" "$buf" "$BREAKWATER" "$root/testdata/protobuf" "$here/known-differences.txt" "${1:-}"
