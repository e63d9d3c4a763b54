#!/usr/bin/env bash
# Regenerates the rule reference, docs/rules/<format>.md, from the embedded catalog; a test
# fails when a committed file is stale. Reports link to its per-rule sections (help_uri).
# The formats come from the binary's registry; each one's introduction is
# docs/rule-intros/<format>.md (kept out of rules/, which holds only catalog entries).
#   usage: scripts/gen-docs.sh [OUT_DIR]      (default docs/rules)
set -euo pipefail
cd "$(dirname "$0")/.."
bw=${BREAKWATER:-build/breakwater}
out=${1:-docs/rules}
mkdir -p "$out"
for format in $("$bw" rules --list-formats); do
  intro=docs/rule-intros/$format.md
  [ -f "$intro" ] || { echo "gen-docs: $intro is missing" >&2; exit 1; }
  { cat "$intro"; "$bw" rules --lang "$format" --format markdown; } > "$out/$format.md"
done
