#!/usr/bin/env python3
"""Recall and false alarms of a breakwater JSON report against a generator's manifest (a list
of {"rule": ID or null, "entity": ...}; null = a compatible mutation that must stay silent).
usage: check_manifest.py REPORT.json MANIFEST.json   (exit 1 on a miss or a false alarm)"""
import json, sys

report, manifest = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
found = {(f["rule_id"], f["entity"]) for f in report["findings"]}
want = {(m["rule"], m["entity"]) for m in manifest if m["rule"]}
compatible = sum(1 for m in manifest if not m["rule"])
missed, extra = sorted(want - found), sorted(found - want)
print(f"recall: {len(want) - len(missed)}/{len(want)} expected findings; "
      f"false alarms: {len(extra)} (plus {compatible} compatible mutations that must stay silent)")
for m in missed[:10]:
    print("  missed:", m)
for e in extra[:10]:
    print("  extra:", e)
sys.exit(1 if missed or extra else 0)
