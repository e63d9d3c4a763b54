#!/usr/bin/env bash
# Regenerates the rule reference, docs/rules/<format>.md, from the embedded catalog; a test
# fails when a committed file is stale. Reports link to its per-rule sections (help_uri).
#   usage: scripts/gen-docs.sh [OUT_DIR]      (default docs/rules)
set -euo pipefail
cd "$(dirname "$0")/.."
bw=${BREAKWATER:-build/breakwater}
out=${1:-docs/rules}
mkdir -p "$out"
{
  echo "# Protobuf rules"
  echo
  echo "Generated from \`rules/protobuf/\` by \`scripts/gen-docs.sh\`; do not edit. Categories follow"
  echo "buf (FILE is the default). \`breakwater explain RULE_ID\` prints the same text."
  echo
  "$bw" rules --lang proto --format markdown
} > "$out/protobuf.md"
{
  echo "# SQL rules (PostgreSQL)"
  echo
  echo "Generated from \`rules/sql/\` by \`scripts/gen-docs.sh\`; do not edit. Categories: BREAKING"
  echo "(applications written against OLD stop working) and DESTRUCTIVE (stored data is lost); both are"
  echo "the default. See [../sql.md](../sql.md) for what the loader understands."
  echo
  "$bw" rules --lang sql --format markdown
} > "$out/sql.md"
{
  echo "# JSON Schema rules"
  echo
  echo "Generated from \`rules/jsonschema/\` by \`scripts/gen-docs.sh\`; do not edit. Each rule names what"
  echo "NEW rejects that OLD accepted (\`--compat backward\`, the default); \`--compat forward\` runs the same"
  echo "comparison the other way round and \`full\` both. Categories: CONSTRAINTS and CONTENT_MODEL (both the"
  echo "default). See [../jsonschema.md](../jsonschema.md)."
  echo
  "$bw" rules --lang jsonschema --format markdown
} > "$out/jsonschema.md"
{
  echo "# C++ header rules"
  echo
  echo "Generated from \`rules/cpp/\` by \`scripts/gen-docs.sh\`; do not edit. Categories: API (code"
  echo "compiled against OLD headers stops compiling or changes meaning) and ABI (programs built against"
  echo "OLD misbehave with the NEW library; Itanium C++ ABI, x86-64); both are the default. See"
  echo "[../cpp.md](../cpp.md)."
  echo
  "$bw" rules --lang cpp --format markdown
} > "$out/cpp.md"
{
  echo "# Breakwater's own checks"
  echo
  echo "Generated from \`rules/breakwater/\` by \`scripts/gen-docs.sh\`; do not edit. These rules"
  echo "check inline suppressions and baselines (docs/config.md); they always run."
  echo
  "$bw" rules --lang breakwater --format markdown
} > "$out/breakwater.md"
