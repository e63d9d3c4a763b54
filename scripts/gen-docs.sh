#!/usr/bin/env bash
# Regenerates docs/rules/protobuf.md (or OUT) from the embedded catalog; a test fails when the
# committed file is stale.   usage: scripts/gen-docs.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
bw=${BREAKWATER:-build/breakwater}
{
  echo "# Protobuf rules"
  echo
  echo "Generated from \`rules/protobuf/\` by \`scripts/gen-docs.sh\`; do not edit. Categories follow"
  echo "buf (FILE is the default). \`breakwater explain RULE_ID\` prints the rationale, the safe"
  echo "alternative and an example for each rule."
  echo
  "$bw" rules --lang proto --format markdown
} > "${1:-docs/rules/protobuf.md}"
