#!/usr/bin/env bash
# Regenerates the rule reference, docs/rules/<format>.md, from the embedded catalog; a test
# fails when a committed file is stale. Reports link to its per-rule sections (help_uri).
# The formats come from the binary's registry; each one's introduction is
# rules/<format>/reference-intro.md.
#   usage: scripts/gen-docs.sh [OUT_DIR]      (default docs/rules)
set -euo pipefail
cd "$(dirname "$0")/.."
bw=${BREAKWATER:-build/breakwater}
out=${1:-docs/rules}
mkdir -p "$out"
for format in $("$bw" rules --list-formats); do
  intro=rules/$format/reference-intro.md
  [ -f "$intro" ] || { echo "gen-docs: $intro is missing" >&2; exit 1; }
  { cat "$intro"; "$bw" rules --lang "$format" --format markdown; } > "$out/$format.md"
done
