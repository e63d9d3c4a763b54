#!/usr/bin/env bash
# Real-world precision, by hand (not in CI): compares consecutive versions of a schema path in a
# local git repository (a clone or a bare mirror), pair by pair, and prints for each pair the
# exit status, time, peak memory and the findings by rule, with the report kept for judging.
# Judge every finding against the DDL diff and record the table in docs/real-repositories.md;
# reproduce each false alarm as a golden of our own (never commit the project's files).
#
#   usage: scripts/real-repos/sql-history.sh GIT_DIR PATH REF... [-- CHECK_ARGS...]
#   e.g.   scripts/real-repos/sql-history.sh ~/mirrors/temporal.git \
#            schema/mysql/v8/temporal/schema.sql v1.22.0 v1.23.0 v1.24.0 -- --dialect mysql
#   The projects and refs of the last runs are listed in scripts/real-repos/sql-projects.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BREAKWATER=${BREAKWATER:-$here/../../build/breakwater}
[ $# -ge 4 ] || { sed -n '2,13p' "$0" >&2; exit 2; }
git_dir=$1 path=$2
shift 2
refs=() extra=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; extra=("$@"); break; fi
  refs+=("$1"); shift
done
[ ${#refs[@]} -ge 2 ] || { echo "need two refs or more" >&2; exit 2; }
work=$(mktemp -d /tmp/bw-history-XXXXXX)
echo "reports and trees: $work"
export_ref() {  # REF -> $work/REF (the path at that ref, as a file or a folder)
  local dest=$work/$(echo "$1" | tr '/' '_')
  mkdir -p "$dest"
  if ! git --git-dir="$git_dir" archive "$1" "$path" 2>/dev/null | tar -x -C "$dest" 2>/dev/null; then
    echo "$1: $path is not in this version" >&2
    exit 2
  fi
  echo "$dest/$path"
}
prev=$(export_ref "${refs[0]}")
for ((i = 1; i < ${#refs[@]}; i++)); do
  next=$(export_ref "${refs[i]}")
  label="${refs[i-1]}..${refs[i]}"
  report=$work/$(echo "$label" | tr '/' '_').txt
  status=0
  /usr/bin/time -f "%e s %M KB" -o "$report.time" \
    timeout 300 "$BREAKWATER" check "$prev" "$next" --color never "${extra[@]}" \
    > "$report" 2> "$report.err" || status=$?
  rules=$(grep -oE '^\S.*(error|warning|info)\[[A-Z_]+\]' "$report" | grep -oE '\[[A-Z_]+\]' |
    sort | uniq -c | awk '{printf "%s%s×%s", sep, substr($2, 2, length($2) - 2), $1; sep=", "}' ||
    true)
  printf "%-40s exit %d  %s  %s\n" "$label" "$status" "$(tail -1 "$report.time")" "${rules:-no findings}"
  [ "$status" -ne 2 ] || sed 's/^/    /' "$report.err" | head -3
  prev=$next
done
