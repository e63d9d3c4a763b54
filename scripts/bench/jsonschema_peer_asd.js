#!/usr/bin/env node
// Peer run for scripts/bench/jsonschema.sh: api-smart-diff's apiCompare with the JSON Schema
// rules it ships (2020-12: its default is draft-04, which reads exclusiveMinimum as a boolean)
// on OLD and NEW, one line of counts; with a manifest, how many of its breaking mutations are
// classed breaking at the mutated keyword, and how many compatible ones are.
// usage: jsonschema_peer_asd.js PEERS_DIR OLD.json NEW.json [MANIFEST.json]
// exit 3 when api-smart-diff throws (e.g. stack overflow following $ref chains).
"use strict";
const fs = require("fs");
const path = require("path");

const [peers, oldFile, newFile, manifestFile] = process.argv.slice(2);
const asd = require(path.resolve(peers, "node_modules", "api-smart-diff"));
const seconds = (t) => (Number(process.hrtime.bigint() - t) / 1e9).toFixed(1);

let t = process.hrtime.bigint();
const before = JSON.parse(fs.readFileSync(oldFile, "utf8"));
const after = JSON.parse(fs.readFileSync(newFile, "utf8"));
const parse = seconds(t);

t = process.hrtime.bigint();
let diffs;
try {
  ({ diffs } = asd.apiCompare(before, after, { rules: asd.jsonSchemaRules({ version: "2020-12" }) }));
} catch (e) {
  console.log(`api-smart-diff: FAILED after ${seconds(t)} s of comparison (parse ${parse} s): ` +
              `${e.name}: ${e.message}`);
  process.exit(3);
}
const types = {};
for (const d of diffs) types[d.type] = (types[d.type] || 0) + 1;
types.breaking = types.breaking || 0;
console.log(`api-smart-diff: ${diffs.length} changes: ` +
            `${Object.entries(types).map(([k, n]) => `${n} ${k}`).join(", ")}; ` +
            `parse ${parse} s, compare ${seconds(t)} s`);

if (manifestFile) {
  // It reports a change once per path that reaches it through $refs; the direct one is under
  // /$defs/NAME, at the keyword each mutation kind touches (required: an index, so the array).
  const where = {
    max_length_down: "properties/name/maxLength", max_length_up: "properties/name/maxLength",
    enum_remove: "properties/status/enum", enum_add: "properties/status/enum",
    required_add: "required", required_remove: "required",
    prop_add: "properties/extra", prop_remove: "properties/code",
    minimum_up: "properties/count/minimum", minimum_down: "properties/count/minimum",
    pattern_add: "properties/code/pattern", description: "description",
  };
  const breaking = new Set(diffs.filter((d) => d.type === "breaking").map((d) => d.path.join("/")));
  const flagged = (m) => {
    const at = `$defs/${m.def}/${where[m.kind]}`;
    for (const p of breaking) if (p === at || p.startsWith(at + "/")) return true;
    return false;
  };
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  const want = manifest.filter((m) => m.rule), compatible = manifest.filter((m) => !m.rule);
  const missed = want.filter((m) => !flagged(m)), alarms = compatible.filter(flagged);
  const kinds = (ms) => [...new Set(ms.map((m) => m.kind))].join(", ") || "none";
  console.log(`api-smart-diff vs manifest: ${want.length - missed.length}/${want.length} breaking ` +
              `mutations classed breaking (missed kinds: ${kinds(missed)}); ${alarms.length}/` +
              `${compatible.length} compatible ones classed breaking (kinds: ${kinds(alarms)})`);
}
