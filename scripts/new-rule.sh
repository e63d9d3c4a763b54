#!/usr/bin/env bash
# Scaffolds a rule: rules/FORMAT/ID.yaml (the catalog entry, to fill in) and
# testdata/FORMAT/ID/{old,new,expected.txt} (the golden case), then says where the check goes.
# The id becomes breakwater::rules::FORMAT::ID at the next build; until a check reports it and
# the case shows it firing, the golden suite fails, and the catalog test refuses the entry while
# it still holds the TODO markers written here.
#   usage: scripts/new-rule.sh FORMAT ID        e.g. scripts/new-rule.sh sql COLUMN_NO_NARROW
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: scripts/new-rule.sh FORMAT ID" >&2; exit 2; }
format=$1 id=$2
[ -d "rules/$format" ] || {
  echo "new-rule: no format '$format' (formats: $(ls rules | tr '\n' ' '))" >&2
  exit 2
}
[[ $id =~ ^[A-Z][A-Z0-9_]*$ ]] || { echo "new-rule: an id is A-Z, 0-9 and _ ('$id')" >&2; exit 2; }
existing=$(ls rules/*/"$id.yaml" 2>/dev/null || true)
[ -z "$existing" ] || { echo "new-rule: $existing already exists (ids are unique across formats)" >&2; exit 2; }

# The format's usual category, severity and file name, from its existing entries and cases.
category=$(grep -h '^categories:' rules/"$format"/*.yaml | sort | uniq -c | sort -rn | head -1 |
  sed -E 's/.*\[([A-Z_]+).*/\1/')
sample=$(ls testdata/"$format"/*/old 2>/dev/null | grep -v '^testdata\|^$' | sort | uniq -c |
  sort -rn | head -1 | awk '{print $2}')

cat > "rules/$format/$id.yaml" <<YAML
id: $id
format: $format
categories: [${category:-TODO}]
severity: error
summary: "TODO(new-rule): one sentence, what changed (under 120 characters)."
why: >-
  TODO(new-rule): who breaks and how: which clients stop compiling, which running readers or
  writers fail, which data is lost.
fix: >-
  TODO(new-rule): the safe way to evolve instead (expand and contract, deprecate first...).
example: |
  TODO(new-rule): the smallest OLD and NEW that trigger it.
YAML

case_dir=testdata/$format/$id
mkdir -p "$case_dir/old" "$case_dir/new"
if [ -n "$sample" ] && [[ $sample == *.* ]]; then
  : > "$case_dir/old/$sample"
  : > "$case_dir/new/$sample"
fi
: > "$case_dir/expected.txt"

echo "wrote rules/$format/$id.yaml and $case_dir/ (old/, new/${sample:+ with an empty $sample each}, expected.txt)"
echo
echo "next:"
echo "  1. fill in the catalog entry (every TODO(new-rule)); a rule may add 'quiet_under: [POLICY]'"
echo "  2. write the smallest OLD and NEW that break this way into $case_dir/old and new/"
upper=$(echo "$format" | tr '[:lower:]' '[:upper:]')
if grep -qs "BREAKWATER_RULES_$upper" src/formats/"$format"/*; then
  echo "  3. the check: define 'void check_$id(const Sides& s)' in one of"
  ls src/formats/"$format"/checks_*.cpp 2>/dev/null | sed 's/^/       /'
  echo "     (one function per rule: the dispatch table lists every catalog id, the link fails"
  echo "     until the function exists)"
else
  echo "  3. the check: report it with out.emit(rules::$format::$id, entity, message, at, old_at)"
  echo "     where the walker meets the change; files that report $format rules today:"
  grep -lc "rules::$format::" src/formats/"$format"/*.cpp 2>/dev/null | sed 's/^/       /' || true
fi
echo "  4. build, then UPDATE_GOLDEN=1 build/tests/breakwater_tests --test-suite=golden writes"
echo "     $case_dir/expected.txt; read it, and run scripts/gen-docs.sh for docs/rules/$format.md"
