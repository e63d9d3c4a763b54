#!/usr/bin/env bash
# usage: validate_formats.sh BREAKWATER EXAMPLE_DIR SHARED_FORMATS_DIR SOURCE_DIR OUT_DIR [FORMAT...]
# Runs breakwater on the bundled example (a breaking and a clean comparison), and on a case with a
# baseline-suppressed finding and a stale-baseline finding (testdata/breakwater/BASELINE_ENTRY_STALE),
# in each report format
# and checks each file with its offline validator from SHARED_FORMATS_DIR (default: every format):
#   sarif   validate-sarif.sh --github                        (node)
#   json    validate-sarif.sh --schema docs/report.schema.json (node)
#   gitlab  validate-sarif.sh --gitlab                        (node)
#   github  validate-gh-annotations.sh --strict               (awk)
#   junit   validate-junit.sh                                 (xmllint, python3)
#   markdown  marker, heading and size checks (no validator exists)
# exit: 0 all passed; 1 some format failed; 77 nothing failed but some validator could not run
# (missing tool), which CTest reports as skipped. Skipped formats are named on stdout.
set -u
bw=$1 example=$2 shared=$3 source=$4 out=$5
shift 5
formats=("$@")
[ ${#formats[@]} -gt 0 ] || formats=(sarif json gitlab github junit markdown)

failed=() skipped=()

# run_bw FORMAT OLD NEW EXPECTED_STATUS OUTFILE
run_bw() {
  (cd "$example" && "$bw" check "$2" "$3" --use FILE,PACKAGE,WIRE_JSON,WIRE --format "$1" \
     --output "$5")
  local rc=$?
  if [ "$rc" -ne "$4" ]; then
    echo "$1: expected exit $4 from breakwater check $2 $3, got $rc"
    return 1
  fi
}

# validate FORMAT TOOL... -- VALIDATOR ARGS... : skip when a tool is missing; validator exit 2 is
# a setup problem (npm could not install ajv...), also a skip.
validate() {
  local format=$1
  shift
  while [ "$1" != "--" ]; do
    if ! command -v "$1" >/dev/null 2>&1; then
      echo "SKIP $format: $1 not found"
      skipped+=("$format")
      return
    fi
    shift
  done
  shift
  local validator=$1
  shift
  if [ ! -f "$validator" ]; then
    echo "SKIP $format: validator $validator not found"
    skipped+=("$format")
    return
  fi
  bash "$validator" "$@"
  case $? in
    0) echo "PASS $format" ;;
    2) echo "SKIP $format: validator could not run"; skipped+=("$format") ;;
    *) echo "FAIL $format"; failed+=("$format") ;;
  esac
}

check_markdown() {
  local f ok=0
  for f in "$@"; do
    [ "$(head -n 1 "$f")" = "<!-- breakwater-report -->" ] || { echo "$f: no marker line"; ok=1; }
    sed -n 2p "$f" | grep -q '^### Breakwater: ' || { echo "$f: no heading"; ok=1; }
    [ "$(wc -m < "$f")" -le 65536 ] || { echo "$f: over 65,536 characters"; ok=1; }
  done
  grep -q '^| | Rule | Where (new) | Change | Was (old) |$' "$1" || { echo "$1: no table"; ok=1; }
  # A clean report: the marker, one heading, then only what was compared.
  [ "$(tail -n +3 "$2" | grep -cv '^$\|^<sub>Compared ')" -eq 0 ] &&
    grep -q '^<sub>Compared ' "$2" ||
    { echo "$2: a clean report is the marker, one heading and what was compared"; ok=1; }
  if [ $ok -eq 0 ]; then echo "PASS markdown"; else echo "FAIL markdown"; failed+=(markdown); fi
}

for format in "${formats[@]}"; do
  case $format in
    sarif) ext=sarif ;; json | gitlab) ext=json ;; junit) ext=xml ;; github) ext=txt ;; *) ext=md ;;
  esac
  broken="$out/report-$format.$ext" clean="$out/report-$format-clean.$ext"
  filtered="$out/report-$format-filtered.$ext"
  if ! run_bw "$format" v1 v2 1 "$broken" || ! run_bw "$format" v1 v1 0 "$clean"; then
    failed+=("$format")
    continue
  fi
  if ! (cd "$source/testdata/breakwater/BASELINE_ENTRY_STALE" &&
        "$bw" check old new --baseline baseline.json --format "$format" --output "$filtered"; [ $? -eq 1 ]); then
    echo "$format: the baseline case did not exit 1"
    failed+=("$format")
    continue
  fi
  case $format in
    sarif) validate sarif node -- "$shared/validate-sarif.sh" --github "$broken" "$clean" "$filtered" ;;
    json) validate json node -- "$shared/validate-sarif.sh" --schema "$source/docs/report.schema.json" \
            "$broken" "$clean" "$filtered" ;;
    gitlab) validate gitlab node -- "$shared/validate-sarif.sh" --gitlab "$broken" "$clean" "$filtered" ;;
    github) # the validator reads one file; the clean run must print no line at all
            [ -s "$clean" ] && { echo "FAIL github: the clean run printed something"; failed+=(github); continue; }
            cat "$filtered" >> "$broken"
            validate github awk -- "$shared/validate-gh-annotations.sh" --strict "$broken" ;;
    junit) validate junit xmllint python3 -- "$shared/validate-junit.sh" "$broken" "$clean" "$filtered" ;;
    markdown) check_markdown "$broken" "$clean" && check_markdown "$filtered" "$clean" ;;
    *) echo "unknown format: $format"; failed+=("$format") ;;
  esac
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]}"
  exit 1
fi
if [ ${#skipped[@]} -gt 0 ]; then
  echo "skipped (validator tool missing): ${skipped[*]}"
  exit 77
fi
exit 0
