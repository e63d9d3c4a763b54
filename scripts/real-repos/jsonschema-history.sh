#!/usr/bin/env bash
# Real-world precision for JSON Schema, by hand (not in CI): exports one schema file (or a folder
# of them) at each ref of a local git repository (a clone or a bare mirror), runs
# `breakwater check OLD NEW` (backward by default; CHECK_ARGS may say --compat, --policy...) on
# consecutive pairs and, side by side, two npm peers: json-schema-diff (set-based: "Breaking
# changes found" = NEW rejects values OLD accepted) and json-schema-diff-validator (a JSON Patch
# of the two texts filtered by a few rules; its count is the patch operations it calls breaking).
# Prints per pair breakwater's exit, time, peak memory and findings by rule, and each peer's
# verdict (same / ok / breaking [N] / failed / timeout) and time. Every report, the trees and the
# diff of each pair are kept for judging (WORK/PAIR/{bw.json,bw.txt,schema.diff,jsd.*,jsdv.*});
# WORK/summary.tsv has one row per pair. For a folder, the peers run on every file present on
# both sides whose text changed, and their verdict counts the files ("breaking 2/5 files").
# A relative $ref to another file of the repository ("eslintrc.json") is followed: that file is
# copied into each side's tree from the side's own ref, so both tools compare it per side.
# json-schema-diff ignores enum, const, pattern, format, uniqueItems and if/then/else, and
# refuses draft-04 and 2019-09 documents; failures and timeouts are peer verdicts, not errors.
# Judge every finding against the diff; reproduce each false alarm or miss as a minimal pair of
# our own (never commit the project's files).
#
#   usage: jsonschema-history.sh GIT_DIR PATH REF... [-- CHECK_ARGS...]
#          jsonschema-history.sh GIT_DIR PATH --last N [-- CHECK_ARGS...]
#   e.g.   jsonschema-history.sh schemastore.git src/schemas/json/dependabot-2.0.json --last 6
#          REF_MAP="https://json.schemastore.org/=src/schemas/json/ \
#            https://www.schemastore.org/=src/schemas/json/" \
#            jsonschema-history.sh schemastore.git src/schemas/json/package.json --last 6
#   --last N: the last N first-parent commits that touched PATH, oldest first.
#          CHECK_ARGS go to breakwater only.
#   env:   BREAKWATER (binary), PEERS ("jsd jsdv": json-schema-diff, json-schema-diff-validator;
#          PEERS= runs breakwater only), NPM_PREFIX (where the peers are installed with npm when
#          missing; ~/.cache/breakwater/jsonschema-peers), TIMEOUT (seconds per breakwater run,
#          300), PEER_TIMEOUT (seconds per peer run, 60), REF_MAP ("URI=REPO_PATH ...": remote
#          $refs read from a path of the same repository, copied from each pair's NEW ref (OLD's
#          when NEW lacks it) and given as --ref-map URI=COPY; a URI ending in / maps a prefix and
#          REPO_PATH is a folder, of which only the files some $ref names are copied). Both sides
#          read NEW's copy, so a change inside a referenced schema is not compared (PAIR/refs.txt
#          lists the copies and the files found nowhere). The peers get no map: json-schema-diff
#          tries to fetch remote $refs and fails offline.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BREAKWATER=${BREAKWATER:-$here/../../build/breakwater}
PEERS=${PEERS-jsd jsdv}
NPM_PREFIX=${NPM_PREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/breakwater/jsonschema-peers}
JSD_VERSION=1.0.0 JSDV_VERSION=0.4.2
TIMEOUT=${TIMEOUT:-300}
PEER_TIMEOUT=${PEER_TIMEOUT:-60}
[ $# -ge 4 ] || { sed -n '2,37p' "$0" >&2; exit 2; }
git_dir=$1 path=${2%/}
shift 2
refs=() extra=() last=0
while [ $# -gt 0 ]; do
  case $1 in
    --) shift; extra=("$@"); break ;;
    --last) last=${2:?--last needs a count}; shift 2 ;;
    *) refs+=("$1"); shift ;;
  esac
done
[ -x "$BREAKWATER" ] || { echo "no breakwater binary at $BREAKWATER" >&2; exit 2; }
if [ "$last" -gt 0 ]; then
  mapfile -t refs < <(git --git-dir="$git_dir" log --first-parent --format=%H -n "$last" -- \
    ":(literal)$path" | tac)
fi
[ ${#refs[@]} -ge 2 ] || { echo "need two refs or more" >&2; exit 2; }

# The peers, installed with npm at pinned versions when missing.
jsd=$NPM_PREFIX/node_modules/.bin/json-schema-diff
jsdv=$NPM_PREFIX/node_modules/.bin/json-schema-diff-validator
if [ -n "$PEERS" ] && { [ ! -x "$jsd" ] || [ ! -x "$jsdv" ]; }; then
  echo "installing json-schema-diff@$JSD_VERSION json-schema-diff-validator@$JSDV_VERSION" \
    "into $NPM_PREFIX" >&2
  mkdir -p "$NPM_PREFIX"
  npm install --silent --prefix "$NPM_PREFIX" "json-schema-diff@$JSD_VERSION" \
    "json-schema-diff-validator@$JSDV_VERSION" >&2
fi

work=$(mktemp -d /tmp/bw-jsonschema-XXXXXX)
echo "reports and trees: $work"
echo "breakwater: $BREAKWATER   peers: ${PEERS:-none}   path: $path   ${extra[*]+check args: ${extra[*]}}"
printf 'pair\tbw_exit\tbw_s\tbw_kb\tbw_findings\tbw_rules\tjsd\tjsd_s\tjsdv\tjsdv_s\n' \
  > "$work/summary.tsv"

label_of() { local r=$1; [[ $r =~ ^[0-9a-f]{40}$ ]] && r=${r:0:10}; echo "${r//\//_}"; }
export_path() {  # REF REPO_PATH -> prints $work/trees/LABEL/REPO_PATH (exported once)
  local dest=$work/trees/$(label_of "$1")
  mkdir -p "$dest"
  if [ ! -e "$dest/$2" ]; then
    if ! git --git-dir="$git_dir" archive "$1" -- ":(literal)$2" 2>"$dest.err" |
        tar -x -C "$dest" 2>>"$dest.err" || [ ! -e "$dest/$2" ]; then
      echo "$1: cannot export $2: $(head -2 "$dest.err" | tr '\n' ' ')" >&2
      return 1
    fi
  fi
  echo "$dest/$2"
}

# What the schemas reference beyond PATH, and the --ref-map arguments of a pair (one a line).
# A relative $ref to another file of the repository ("eslintrc.json") is copied into each side's
# tree from that side's ref. REF_MAP's repository paths are copied from NEW's ref (OLD's where NEW
# has no such file) into PAIR/refs: a single file as it is, and under a prefix only the files a
# remote $ref names (a mirror may lack the blobs of a whole folder, and it is faster). Copies are
# scanned in turn; PAIR/refs.txt lists them and the files found nowhere.
deps_and_ref_map() {  # OLD_REF NEW_REF PAIRDIR OLD_TREE NEW_TREE
  python3 - "$git_dir" "$path" "$@" ${REF_MAP:-} <<'PY'
import os, posixpath, re, subprocess, sys
git_dir, path, old_ref, new_ref, pair, old_tree, new_tree = sys.argv[1:8]
entries = [e.split("=", 1) for e in sys.argv[8:]]
remote_root = os.path.join(pair, "refs")
copied, missing = [], set()
def show(path, refs):
    for ref in refs:
        r = subprocess.run(["git", "--git-dir", git_dir, "show", f"{ref}:{path}"],
                           capture_output=True)
        if r.returncode == 0:
            return r.stdout
    return None
todo = []  # (local file, its repository path, its root, the refs to copy its references from)
def visit(root, rpath, refs):
    dest = os.path.join(root, rpath)
    if os.path.isfile(dest):
        todo.append((dest, rpath, root, refs))
        return True
    if (root, rpath) in missing:
        return False
    data = show(rpath, refs)
    if data is None:
        missing.add((root, rpath))
        return False
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, "wb") as f:
        f.write(data)
    copied.append(dest)
    todo.append((dest, rpath, root, refs))
    return True
for tree, refs in ((old_tree, (old_ref,)), (new_tree, (new_ref,))):
    top = os.path.join(tree, path)
    files = [top] if os.path.isfile(top) else [
        os.path.join(d, n) for d, _, ns in os.walk(top) for n in ns if n.endswith(".json")]
    for f in files:
        todo.append((f, os.path.relpath(f, tree), tree, refs))
for uri, rpath in entries:
    if not uri.endswith("/"):
        visit(remote_root, rpath, (new_ref, old_ref))
seen = set()
ref_re = re.compile(rb'"\$ref"\s*:\s*"([^"#]*)')
while todo:
    f, rpath, root, refs = todo.pop()
    if f in seen:
        continue
    seen.add(f)
    try:
        text = open(f, "rb").read()
    except OSError:
        continue
    for m in ref_re.finditer(text):
        target = m.group(1).decode("utf-8", "replace")
        if not target:
            continue
        if "://" in target:
            for uri, mapped in entries:
                if uri.endswith("/") and target.startswith(uri):
                    visit(remote_root, mapped.rstrip("/") + "/" + target[len(uri):],
                          (new_ref, old_ref))
        elif not target.startswith("/"):
            visit(root, posixpath.normpath(posixpath.join(posixpath.dirname(rpath), target)),
                  refs)
for uri, rpath in entries:
    print("--ref-map")
    print(f"{uri}={os.path.join(remote_root, rpath)}" + ("/" if uri.endswith("/") else ""))
with open(os.path.join(pair, "refs.txt"), "w") as out:
    out.write("".join(f"copied {p}\n" for p in sorted(copied)))
    out.write("".join(f"missing {os.path.join(r, p)}\n" for r, p in sorted(missing)))
PY
}

# Runs one peer on OLD NEW (files), prints "VERDICT SECONDS"; output kept in OUT.{out,err}.
run_peer() {  # PEER OLD NEW OUT
  local peer=$1 old=$2 new=$3 out=$4 status=0 s verdict bin
  [ "$peer" = jsd ] && bin=$jsd || bin=$jsdv
  /usr/bin/time -f "%e" -o "$out.time" timeout "$PEER_TIMEOUT" "$bin" "$old" "$new" \
    > "$out.out" 2> "$out.err" || status=$?
  s=$(tail -1 "$out.time")
  if [ "$status" = 124 ]; then
    verdict=timeout
  elif [ "$peer" = jsd ]; then
    if grep -q '^Breaking changes found' "$out.out" "$out.err"; then verdict=breaking
    elif grep -q '^Non-breaking changes found' "$out.out" "$out.err"; then verdict=ok
    elif grep -q '^No differences found' "$out.out" "$out.err"; then verdict=same
    else verdict=failed
    fi
  else
    if [ "$status" = 0 ]; then verdict=ok
    elif grep -q 'is not backward compatible' "$out.err"; then
      # The message ends with the JSON array of the patch operations it calls breaking.
      verdict="breaking $(sed -n 's/.*breaking change = \(\[.*\]\).*/\1/p' "$out.err" | head -1 |
        python3 -c 'import json, sys
try: print(len(json.loads(sys.stdin.read())))
except ValueError: print("?")')"
    else verdict=failed
    fi
  fi
  echo "$verdict $s"
}

# Peer over a pair of files or folders: prints "VERDICT SECONDS" (seconds added up).
peer_pair() {  # PEER OLD NEW PAIRDIR
  local peer=$1 old=$2 new=$3 pair=$4
  if [ -f "$old" ]; then
    run_peer "$peer" "$old" "$new" "$pair/$peer"
    return
  fi
  local f n=0 br=0 failed=0 timeouts=0 total=0 v s rest
  while IFS= read -r f; do
    [ -f "$new/$f" ] || continue
    cmp -s "$old/$f" "$new/$f" && continue
    n=$((n + 1))
    rest=$(run_peer "$peer" "$old/$f" "$new/$f" "$pair/$peer.${f//\//_}")
    v=${rest%% *} s=${rest##* }
    total=$(awk -v a="$total" -v b="$s" 'BEGIN { print a + b }')
    case $v in
      breaking) br=$((br + 1)) ;;
      failed) failed=$((failed + 1)) ;;
      timeout) timeouts=$((timeouts + 1)) ;;
    esac
  done < <(cd "$old" && find . -name '*.json' | sed 's|^\./||' | sort)
  local verdict="breaking_$br/${n}_files"
  [ "$failed" = 0 ] || verdict+=",failed_$failed"
  [ "$timeouts" = 0 ] || verdict+=",timeout_$timeouts"
  echo "$verdict $total"
}

prev_ref=${refs[0]}
prev=$(export_path "$prev_ref" "$path") || exit 2
for ((i = 1; i < ${#refs[@]}; i++)); do
  ref=${refs[i]}
  label="$(label_of "$prev_ref")..$(label_of "$ref")"
  pair=$work/$label
  mkdir -p "$pair"
  if ! next=$(export_path "$ref" "$path"); then
    echo "$label: $path is not in $ref (stopping)"
    break
  fi
  git --git-dir="$git_dir" diff "$prev_ref" "$ref" -- ":(literal)$path" > "$pair/schema.diff" \
    2>/dev/null || true
  mapfile -t maps < <(deps_and_ref_map "$prev_ref" "$ref" "$pair" "$work/trees/$(label_of "$prev_ref")" \
    "$work/trees/$(label_of "$ref")")
  bw_status=0
  /usr/bin/time -f "%e %M" -o "$pair/bw.time" \
    timeout "$TIMEOUT" "$BREAKWATER" check "$prev" "$next" --color never \
    --format json -o "$pair/bw.json" --format text -o "$pair/bw.txt" \
    "${maps[@]+"${maps[@]}"}" "${extra[@]+"${extra[@]}"}" > "$pair/bw.out" 2> "$pair/bw.err" ||
    bw_status=$?
  read -r bw_s bw_kb < <(tail -1 "$pair/bw.time")
  read -r n_bw rules < <(python3 - "$pair/bw.json" <<'PY'
import json, sys
from collections import Counter
try:
    doc = json.load(open(sys.argv[1]))
except (OSError, ValueError):
    print("0 -"); sys.exit()
found = [f for f in doc.get("findings", []) if not f.get("suppressed")]
c = Counter(f["rule_id"] for f in found)
print(len(found), ",".join(f"{r}x{n}" for r, n in sorted(c.items())) or "-")
PY
)
  jsd_v=- jsd_s=0 jsdv_v=- jsdv_s=0
  for p in $PEERS; do
    read -r v s < <(peer_pair "$p" "$prev" "$next" "$pair" | awk '{ s = $NF; $NF = ""; sub(/ $/, "");
      gsub(/ /, "_"); print $0, s }')
    [ "$p" = jsd ] && { jsd_v=$v; jsd_s=$s; } || { jsdv_v=$v; jsdv_s=$s; }
  done
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$bw_status" "$bw_s" "$bw_kb" "$n_bw" \
    "$rules" "$jsd_v" "$jsd_s" "$jsdv_v" "$jsdv_s" >> "$work/summary.tsv"
  printf '%-22s +%s/-%s lines | bw exit %d %ss %dMiB %s %s' "$label" \
    "$(grep -c '^+[^+]' "$pair/schema.diff" || true)" "$(grep -c '^-[^-]' "$pair/schema.diff" || true)" \
    "$bw_status" "$bw_s" $((bw_kb / 1024)) "$n_bw" "$rules"
  [ -z "$PEERS" ] || printf ' | jsd %s %ss | jsdv %s %ss' "$jsd_v" "$jsd_s" "$jsdv_v" "$jsdv_s"
  echo
  if [ "$bw_status" -gt 1 ]; then
    sed "s|$work/trees/||g; s/^/    breakwater: /" "$pair/bw.err" | head -3
  fi
  for p in $PEERS; do  # the first message of a failed or timed-out peer run
    [ "$p" = jsd ] && v=$jsd_v || v=$jsdv_v
    [[ $v == *failed* || $v == *timeout* ]] || continue
    for e in "$pair/$p".*err; do
      grep -qE 'Breaking changes found|is not backward compatible' "$e" && continue
      msg=$(grep -m1 -E 'Error|error' "$e" || head -1 "$e" || true)
      [ -z "$msg" ] && [[ $v != *timeout* ]] && continue
      echo "    $p: ${msg:-timed out after ${PEER_TIMEOUT}s}" | cut -c1-220
      break
    done
  done
  prev_ref=$ref prev=$next
done
echo "per pair: $work/summary.tsv; reports: $work/PAIR/{bw.json,bw.txt,schema.diff,PEER.*}"
