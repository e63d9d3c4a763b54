#!/usr/bin/env bash
# Real-world precision for protobuf, by hand (not in CI): exports a proto import root at each ref
# of a local git repository (a clone or a bare mirror), runs `breakwater check OLD NEW --use CAT`
# and `buf breaking NEW --against OLD` (buf.yaml v2, `breaking: use: [CAT]`) on consecutive
# pairs for each of buf's four categories, and prints per pair the findings of both tools, how
# many match on (rule id, NEW path relative to the root, line), and the tools' time and memory.
# Every report, the lists of matched / breakwater-only / buf-only findings and the .proto diff of
# each pair are kept under the work directory for judging (PAIR/CATEGORY.*, PAIR/proto.diff);
# WORK/summary.tsv has one row per pair and category. Findings that differ only by location
# (same rule and path, or one side without a path, e.g. a deleted file) are counted as "moved".
# A refusal (exit 2 of breakwater; a COMPILE error or other failure of buf) is printed under its
# pair with the first message and the categories it happened in.
#
# The repository's own buf.yaml / buf.work.yaml are NOT used: only *.proto files are exported and
# a buf.yaml naming one category is written at the root of both trees (breakwater reads it too),
# so both tools run the bare rule sets; a repository config that exists is named in the output.
# Imports from other repositories must be supplied with DEPS (copied into both trees, so both
# tools see the same files; they are identical on both sides and yield no finding).
#
#   usage: protobuf-history.sh GIT_DIR PROTO_ROOT REF... [-- CHECK_ARGS...]
#          protobuf-history.sh GIT_DIR PROTO_ROOT --last N [-- CHECK_ARGS...]
#   e.g.   protobuf-history.sh ~/mirrors/grpc-proto.git . a9c639a 7dc7255 -- --jobs 2
#          ONLY="google/pubsub google/api" protobuf-history.sh googleapis.git . --last 6
#   --last N: the last N first-parent commits that touched *.proto under the exported paths,
#          oldest first. CHECK_ARGS go to breakwater only.
#   env:   BREAKWATER (binary), BUF (binary; default: the native binary of @bufbuild/buf in
#          BUF_CACHE, installed with npm when missing), BUF_VERSION (1.75.0), BUF_CACHE
#          (~/.cache/breakwater/buf-$BUF_VERSION), BUF=0 (breakwater only), CATEGORIES
#          ("FILE PACKAGE WIRE_JSON WIRE"), ONLY (paths under PROTO_ROOT to export instead of all
#          of it, e.g. when the rest is too large; a path may be one .proto file), EXCLUDE (paths
#          under PROTO_ROOT left out, e.g. test files a tool cannot compile), EXTRA_ROOTS (other
#          import roots of the same repository, exported at the same ref and merged into the
#          tree), DEPS (directories of .proto files merged into every tree, for imports from
#          other repositories), TIMEOUT (seconds per run, 300)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BREAKWATER=${BREAKWATER:-$here/../../build/breakwater}
BUF_VERSION=${BUF_VERSION:-1.75.0}
BUF_CACHE=${BUF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/breakwater/buf-$BUF_VERSION}
CATEGORIES=${CATEGORIES:-FILE PACKAGE WIRE_JSON WIRE}
TIMEOUT=${TIMEOUT:-300}
[ $# -ge 4 ] || { sed -n '2,34p' "$0" >&2; exit 2; }
git_dir=$1 root=${2%/}
shift 2
[ -n "$root" ] || root=.
refs=() extra=() last=0
while [ $# -gt 0 ]; do
  case $1 in
    --) shift; extra=("$@"); break ;;
    --last) last=${2:?--last needs a count}; shift 2 ;;
    *) refs+=("$1"); shift ;;
  esac
done
[ -x "$BREAKWATER" ] || { echo "no breakwater binary at $BREAKWATER" >&2; exit 2; }

# The paths exported at each ref, as git pathspecs limited to .proto files.
specs=() only_paths=()
for p in ${ONLY:-.}; do
  p=$root/${p%/}
  p=${p#./}
  p=${p%/.}
  only_paths+=("$p")
  case $p in
    .) specs+=(':(glob)**/*.proto') ;;
    *.proto) specs+=(":(literal)$p") ;;
    *) specs+=(":(glob)$p/**/*.proto") ;;
  esac
done
n_only=${#specs[@]}
for p in ${EXCLUDE:-}; do
  p=$root/${p%/}
  p=${p#./}
  case $p in
    *.proto) specs+=(":(exclude,literal)$p") ;;
    *) specs+=(":(exclude,glob)$p/**") ;;
  esac
done
extra_specs=()
for p in ${EXTRA_ROOTS:-}; do extra_specs+=(":(glob)${p%/}/**/*.proto"); done
if [ "$last" -gt 0 ]; then
  mapfile -t refs < <(git --git-dir="$git_dir" log --first-parent --format=%H -n "$last" -- \
    "${specs[@]}" "${extra_specs[@]}" | tac)
fi
[ ${#refs[@]} -ge 2 ] || { echo "need two refs or more" >&2; exit 2; }

use_buf=0
if [ "${BUF:-}" != 0 ]; then
  use_buf=1
  if [ -z "${BUF:-}" ]; then
    if ! ls "$BUF_CACHE"/node_modules/@bufbuild/buf/bin/buf >/dev/null 2>&1; then
      echo "installing @bufbuild/buf@$BUF_VERSION into $BUF_CACHE" >&2
      mkdir -p "$BUF_CACHE"
      npm install --silent --prefix "$BUF_CACHE" "@bufbuild/buf@$BUF_VERSION" >&2
    fi
    # The platform package's Go binary, so that time and memory are buf's and not node's.
    BUF=$(ls "$BUF_CACHE"/node_modules/@bufbuild/buf-*/bin/buf 2>/dev/null | head -1)
    [ -n "$BUF" ] || BUF=$BUF_CACHE/node_modules/.bin/buf
  fi
  "$BUF" --version >/dev/null || { echo "buf does not run: $BUF" >&2; exit 2; }
fi

work=$(mktemp -d /tmp/bw-proto-XXXXXX)
echo "reports and trees: $work"
if [ $use_buf = 1 ]; then
  echo "breakwater: $BREAKWATER   buf: $BUF ($("$BUF" --version 2>&1))"
else
  echo "breakwater: $BREAKWATER   (buf not run)"
fi
printf 'pair\tcategory\tfiles\tbw_exit\tbw_s\tbw_kb\tbuf_exit\tbuf_s\tbuf_kb\tbw\tbuf\tmatched\tmoved\tonly_bw\tonly_buf\n' \
  > "$work/summary.tsv"

# Repository configurations at the newest ref (left out on purpose; see the header).
configs=$(git --git-dir="$git_dir" ls-tree -r --name-only "${refs[-1]}" 2>/dev/null |
  grep -E '(^|/)(buf|buf\.work|breakwater)\.yaml$' |
  awk -v r="$root" '{ d = $0; sub(/\/?[^\/]*$/, "", d); if (d == "") d = ".";
    if (r == "." || d == "." || index(r "/", d "/") == 1 || index(d "/", r "/") == 1) print }' |
  tr '\n' ' ' || true)
[ -z "$configs" ] || echo "note: repository config not used: $configs"

label_of() { local r=$1; [[ $r =~ ^[0-9a-f]{40}$ ]] && r=${r:0:10}; echo "${r//\//_}"; }
export_ref() {  # REF -> prints the tree root $work/trees/LABEL/ROOT
  local dest=$work/trees/$(label_of "$1") d k listing here_specs=()
  mkdir -p "$dest"
  # git archive fails on a pathspec that matches nothing: keep the paths present at this ref.
  listing=$(git --git-dir="$git_dir" ls-tree -r --name-only "$1" 2>"$dest.err") ||
    { echo "$1: not a commit of $git_dir: $(head -1 "$dest.err")" >&2; exit 2; }
  for ((k = 0; k < n_only; k++)); do
    if awk -v p="${only_paths[k]}" 'p == "." || $0 == p ||
         (index($0, p "/") == 1 && /\.proto$/) { f = 1; exit } END { exit !f }' <<< "$listing"; then
      here_specs+=("${specs[k]}")
    else
      echo "note: $1 has no ${only_paths[k]}" >&2
    fi
  done
  [ ${#here_specs[@]} -gt 0 ] || { echo "$1: nothing to export under $root" >&2; exit 2; }
  here_specs+=("${specs[@]:n_only}")
  if ! git --git-dir="$git_dir" archive "$1" -- "${here_specs[@]}" 2>"$dest.err" |
      tar -x -C "$dest"; then
    echo "$1: cannot export $root: $(head -2 "$dest.err")" >&2
    exit 2
  fi
  mkdir -p "$dest/$root"
  if [ ${#extra_specs[@]} -gt 0 ]; then  # other roots of the repository, merged in
    mkdir -p "$dest.extra"
    git --git-dir="$git_dir" archive "$1" -- "${extra_specs[@]}" 2>/dev/null |
      tar -x -C "$dest.extra" || true
    for d in ${EXTRA_ROOTS}; do
      [ ! -d "$dest.extra/$d" ] || cp -rn "$dest.extra/$d/." "$dest/$root/"
    done
  fi
  find "$dest/$root" -name '*.proto' | wc -l > "$dest.files"  # own files, before DEPS
  for d in ${DEPS:-}; do cp -rn "$d/." "$dest/$root/"; done
  echo "$dest/$root"
}

compare() {  # PAIRDIR CATEGORY NEWROOT -> prints "bw buf matched moved only_bw only_buf"
  python3 - "$@" <<'PY'
import json, os, sys
from collections import Counter
pair, cat, new_root = sys.argv[1:4]
base = os.path.join(pair, cat)
def bw():
    out = []
    try:
        doc = json.load(open(base + ".bw.json"))
    except (OSError, ValueError):
        return out
    nr = os.path.normpath(new_root)
    for f in doc.get("findings", []):
        loc = f.get("new") or {}
        p = os.path.normpath(os.path.join(os.path.dirname(pair), "trees", loc.get("path", "")))
        if loc.get("path") and p.startswith(nr + os.sep):
            path, line = os.path.relpath(p, nr), loc.get("line", 1)
        else:  # anchored on OLD only: nothing left in NEW to point at
            path, line = "", 1
        out.append(((f["rule_id"], path, line), f.get("message", "")))
    return out
def buf():
    out = []
    try:
        lines = open(base + ".buf.json").read().splitlines()
    except OSError:
        return out
    for raw in lines:
        raw = raw.strip()
        if not raw.startswith("{"):
            continue
        f = json.loads(raw)
        if f.get("type") == "COMPILE":  # a refusal, shown in the pair's notes
            continue
        path = f.get("path", "")
        out.append(((f["type"], path, f.get("start_line", 1) if path else 1), f.get("message", "")))
    return out
ours, theirs = bw(), buf()
a, b = Counter(k for k, _ in ours), Counter(k for k, _ in theirs)
matched = a & b
only_a, only_b = a - matched, b - matched
# Same rule and file but another line, or one side without a path: the same finding placed
# differently (a deleted file, a removed RPC option...), counted apart as "moved".
moved = Counter()
for ka in sorted(only_a.elements()):
    for kb in sorted(only_b.elements()):
        if ka[0] == kb[0] and (ka[1] == kb[1] or not ka[1] or not kb[1]):
            moved[ka] += 1
            only_a[ka] -= 1
            only_b[kb] -= 1
            only_a += Counter(); only_b += Counter()
            break
def dump(name, keys, source):
    left = Counter(keys)
    with open(base + "." + name + ".txt", "w") as out:
        for k, msg in sorted(source):
            if left[k] > 0:
                left[k] -= 1
                out.write(f"{k[0]} {k[1] or '<no path>'}:{k[2]} {msg}\n")
dump("matched", matched, theirs)
dump("moved", moved, ours)
dump("only-breakwater", only_a, ours)
dump("only-buf", only_b, theirs)
print(sum(a.values()), sum(b.values()), sum(matched.values()), sum(moved.values()),
      sum(only_a.values()), sum(only_b.values()))
PY
}

prev_ref=${refs[0]}
prev=$(export_ref "$prev_ref")
for ((i = 1; i < ${#refs[@]}; i++)); do
  ref=${refs[i]}
  next=$(export_ref "$ref")
  label="$(label_of "$prev_ref")..$(label_of "$ref")"
  pair=$work/$label
  mkdir -p "$pair"
  git --git-dir="$git_dir" diff "$prev_ref" "$ref" -- "${specs[@]}" "${extra_specs[@]}" \
    > "$pair/proto.diff" 2>/dev/null || true
  files=$(cat "$work/trees/$(label_of "$ref").files")
  line="$(printf '%-24s %4s files' "$label" "$files")"
  bw_max_s=0 bw_max_kb=0 buf_max_s=0 buf_max_kb=0 notes=()
  declare -A note_cats=()
  for cat in $CATEGORIES; do
    for tree in "$prev" "$next"; do
      printf 'version: v2\nbreaking:\n  use:\n    - %s\n' "$cat" > "$tree/buf.yaml"
    done
    bw_status=0
    (cd "$work/trees" && /usr/bin/time -f "%e %M" -o "$pair/$cat.bw.time" \
      timeout "$TIMEOUT" "$BREAKWATER" check "${prev#"$work/trees/"}" "${next#"$work/trees/"}" \
      --use "$cat" --color never --format json -o "$pair/$cat.bw.json" \
      --format text -o "$pair/$cat.bw.txt" "${extra[@]}" > "$pair/$cat.bw.out" \
      2> "$pair/$cat.bw.err") || bw_status=$?
    read -r bw_s bw_kb < <(tail -1 "$pair/$cat.bw.time")
    buf_status=- buf_s=0 buf_kb=0
    if [ $use_buf = 1 ]; then
      buf_status=0
      (cd "$next" && /usr/bin/time -f "%e %M" -o "$pair/$cat.buf.time" \
        timeout "$TIMEOUT" "$BUF" breaking . --against "$prev" --error-format json \
        > "$pair/$cat.buf.json" 2> "$pair/$cat.buf.err") || buf_status=$?
      read -r buf_s buf_kb < <(tail -1 "$pair/$cat.buf.time")
      # buf: 100 = breaking changes found; a compile error is reported as a finding of type COMPILE
      if grep -q '"type":"COMPILE"' "$pair/$cat.buf.json" 2>/dev/null; then buf_status=2; fi
    fi
    read -r n_bw n_buf n_match n_moved only_bw only_buf < <(compare "$pair" "$cat" "$next")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$cat" "$files" \
      "$bw_status" "$bw_s" "$bw_kb" "$buf_status" "$buf_s" "$buf_kb" "$n_bw" "$n_buf" "$n_match" \
      "$n_moved" "$only_bw" "$only_buf" >> "$work/summary.tsv"
    if [ $use_buf = 1 ]; then
      line+="$(printf ' | %s %s/%s =%s' "$cat" "$n_bw" "$n_buf" "$n_match")"
      [ "$n_moved" = 0 ] || line+="~$n_moved"
      [ "$only_bw" = 0 ] && [ "$only_buf" = 0 ] || line+=" (+$only_bw bw, +$only_buf buf)"
    else
      line+="$(printf ' | %s %s' "$cat" "$n_bw")"
    fi
    # Refusals, each message once per pair with the categories it came from.
    msgs=()
    if [ "$bw_status" -gt 1 ]; then
      msgs+=("breakwater exit $bw_status: $(head -2 "$pair/$cat.bw.err" | tr '\n' ' ')")
    fi
    if [ "$buf_status" != - ] && [ "$buf_status" != 0 ] && [ "$buf_status" != 100 ]; then
      msgs+=("buf exit $buf_status: $(cat "$pair/$cat.buf.err" "$pair/$cat.buf.json" |
        head -c 300 | sed "s|$work/trees/[^/]*/||g" | tr '\n' ' ')")
    fi
    for m in "${msgs[@]+"${msgs[@]}"}"; do
      [ -n "${note_cats[$m]:-}" ] || notes+=("$m")
      note_cats[$m]+="${note_cats[$m]:+,}$cat"
    done
    bw_max_s=$(awk -v a="$bw_max_s" -v b="$bw_s" 'BEGIN { print (b > a ? b : a) }')
    bw_max_kb=$(( bw_kb > bw_max_kb ? bw_kb : bw_max_kb ))
    buf_max_s=$(awk -v a="$buf_max_s" -v b="$buf_s" 'BEGIN { print (b > a ? b : a) }')
    buf_max_kb=$(( buf_kb > buf_max_kb ? buf_kb : buf_max_kb ))
  done
  line+="$(printf ' | bw %ss %dMiB' "$bw_max_s" $((bw_max_kb / 1024)))"
  [ $use_buf = 0 ] || line+="$(printf '  buf %ss %dMiB' "$buf_max_s" $((buf_max_kb / 1024)))"
  echo "$line"
  for n in "${notes[@]+"${notes[@]}"}"; do echo "    (${note_cats[$n]}) $n"; done
  unset note_cats
  prev_ref=$ref prev=$next
done
echo "per category: $work/summary.tsv; lists: $work/PAIR/CATEGORY.{matched,moved,only-breakwater,only-buf}.txt"
