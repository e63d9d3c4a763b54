#!/usr/bin/env bash
# Real-world precision for C/C++ headers, by hand (not in CI): exports a library's public include
# root (a folder, or a single header) at each release ref of a local git repository (a clone or
# a bare mirror), runs `breakwater check OLD NEW --lang cpp` on consecutive pairs and prints per
# pair the exit status, wall time, peak memory and the findings by rule (JSON and text reports
# kept for judging). When abi-compliance-checker is on PATH it runs headers-only on the same
# trees side by side (XML descriptors; `--exclude` becomes <skip_headers>, flags after an inner
# `--` become <gcc_options>; ACC_ARGS adds options, e.g. ACC_ARGS="-lang C") and prints its time
# and binary/source problem counts. Judge every finding against the header diff.
#
#   usage: cpp-releases.sh GIT_DIR INCLUDE_PATH REF... [-- CHECK_ARGS...]
#   e.g.   cpp-releases.sh ~/mirrors/fmt.git include/fmt 9.1.0 10.0.0 10.1.0
#          cpp-releases.sh zstd.git lib v1.5.4 v1.5.5 -- --exclude common --exclude legacy
#   env:   BREAKWATER (binary), ACC=0 (skip abi-compliance-checker), ACC_ARGS, ACC_LIB (name),
#          ACC_TIMEOUT (s); ACC's XML report is PAIR.acc/report.xml
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BREAKWATER=${BREAKWATER:-$here/../../build/breakwater}
[ $# -ge 4 ] || { sed -n '2,17p' "$0" >&2; exit 2; }
git_dir=$1 path=${2%/}
shift 2
refs=() extra=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; extra=("$@"); break; fi
  refs+=("$1"); shift
done
[ ${#refs[@]} -ge 2 ] || { echo "need two refs or more" >&2; exit 2; }
work=$(mktemp -d /tmp/bw-cpp-XXXXXX)
echo "reports and trees: $work"

# What ACC can share with breakwater's arguments: excluded headers and compile flags.
skips=() gcc_flags=()
for ((k = 0; k < ${#extra[@]}; k++)); do
  case ${extra[k]} in
    --exclude) skips+=("${extra[k+1]:-}"); k=$((k + 1)) ;;
    --exclude=*) skips+=("${extra[k]#--exclude=}") ;;
    --) gcc_flags=("${extra[@]:k+1}"); break ;;
  esac
done
use_acc=0
if [ "${ACC:-1}" != 0 ] && command -v abi-compliance-checker >/dev/null; then use_acc=1; fi

export_ref() {  # REF -> $work/trees/REF/PATH (the path at that ref, a file or a folder)
  local dest=$work/trees/$(echo "$1" | tr '/' '_')
  mkdir -p "$dest"
  if ! git --git-dir="$git_dir" archive "$1" "$path" 2>/dev/null | tar -x -C "$dest" 2>/dev/null; then
    echo "$1: $path is not in this version" >&2
    exit 2
  fi
  echo "$dest/$path"
}
descriptor() {  # REF TREE -> an ACC XML descriptor listing the headers
  local xml=$work/acc-$(echo "$1" | tr '/' '_').xml s
  {
    echo "<version>$1</version>"
    echo "<headers>$2</headers>"
    if [ ${#skips[@]} -gt 0 ]; then
      echo "<skip_headers>"
      for s in "${skips[@]}"; do echo "  $2/$s"; done
      echo "</skip_headers>"
    fi
    [ ${#gcc_flags[@]} -eq 0 ] || printf '<gcc_options>\n%s\n</gcc_options>\n' "${gcc_flags[*]}"
  } > "$xml"
  echo "$xml"
}

prev=$(export_ref "${refs[0]}")
for ((i = 1; i < ${#refs[@]}; i++)); do
  next=$(export_ref "${refs[i]}")
  label="${refs[i-1]}..${refs[i]}"
  base=$work/$(echo "$label" | tr '/' '_')
  status=0
  /usr/bin/time -f "%e s %M KB" -o "$base.time" \
    timeout 540 "$BREAKWATER" check "$prev" "$next" --lang cpp --color never \
    --format json -o "$base.json" --format text -o "$base.txt" "${extra[@]}" \
    > "$base.out" 2> "$base.err" || status=$?
  rules=$(jq -r '.findings[] | .rule_id' "$base.json" 2>/dev/null | sort | uniq -c |
    awk '{printf "%s%s×%s", sep, $2, $1; sep=", "}' || true)
  printf "%-28s breakwater exit %d  %s  %s\n" "$label" "$status" "$(tail -1 "$base.time")" \
    "${rules:-no findings}"
  [ "$status" -ne 2 ] && [ "$status" -ne 124 ] || sed 's/^/    /' "$base.err" | head -5
  if [ "$use_acc" = 1 ]; then
    acc=$base.acc
    mkdir -p "$acc"
    acc_status=0
    # ACC writes logs under the current directory: run it in the pair's own folder.
    ( cd "$acc" && /usr/bin/time -f "%e s %M KB" -o "$acc/time" \
        timeout "${ACC_TIMEOUT:-540}" abi-compliance-checker -lib "${ACC_LIB:-$(basename "$path" .h)}" \
        -old "$(descriptor "${refs[i-1]}" "$prev")" -new "$(descriptor "${refs[i]}" "$next")" \
        -headers-only -report-format xml -report-path "$acc/report.xml" ${ACC_ARGS:-} > "$acc/out" 2>&1 ) || acc_status=$?
    counts=$(grep -E '^Total (binary|source) compatibility problems' "$acc/out" |
      sed -E 's/Total (binary|source) compatibility problems: ([0-9]+), warnings: ([0-9]+)/\1 \2 (+\3 warn)/' |
      paste -sd ';' - || true)
    printf "%-28s ACC        exit %d  %s  %s\n" "" "$acc_status" "$(tail -1 "$acc/time")" \
      "${counts:-no counts (see $acc/out)}"
    case $acc_status in 0|1) ;; *) grep -iE 'error|fail' "$acc/out" | head -3 | sed 's/^/    /' ;; esac
  fi
  prev=$next
done
