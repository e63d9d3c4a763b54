"""Runs buf and breakwater on each testdata case and category; prints disagreements.

A finding is compared as (rule id, NEW path relative to the case's new/ root, line). Findings
without a NEW file (a deleted file or package) have path "" and line 1 on both sides: buf prints
no path, breakwater anchors them on the OLD file."""
import json
import os
import subprocess
import sys
from collections import Counter

CATEGORIES = ["FILE", "PACKAGE", "WIRE_JSON", "WIRE"]


def buf_findings(buf, case, category):
    config = json.dumps({"version": "v2", "breaking": {"use": [category]}})
    proc = subprocess.run([buf, "breaking", ".", "--against", "../old", "--config", config,
                           "--error-format", "json"], cwd=os.path.join(case, "new"),
                          capture_output=True, text=True)
    found = Counter()
    for line in proc.stdout.splitlines():
        line = line.strip()
        if not line:
            continue
        f = json.loads(line)
        if f.get("type") == "COMPILE":
            raise SystemExit(f"buf could not compile {case}: {f.get('message')}")
        found[(f["type"], f.get("path", ""), f.get("start_line", 1) if f.get("path") else 1)] += 1
    if proc.returncode not in (0, 100):
        raise SystemExit(f"buf failed on {case} ({category}): {proc.stderr.strip()}")
    return found


def breakwater_findings(bw, case, category):
    proc = subprocess.run([bw, "check", "old", "new", "--use", category, "--format", "json"],
                          cwd=case, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"breakwater failed on {case} ({category}): {proc.stderr.strip()}")
    found = Counter()
    for f in json.loads(proc.stdout)["findings"]:
        where = f.get("new") or {}  # the NEW location (JSON report schema 2: "new"/"old")
        path, line = where.get("path", ""), where.get("line", 1)
        if path.startswith("new/"):
            path = path[len("new/"):]
        else:  # anchored on OLD: nothing left in NEW to point at
            path, line = "", 1
        found[(f["rule_id"], path, line)] += 1
    return found


def load_known(path):
    """Lines: CASE CATEGORY SIDE RULE PATH:LINE  # reason   (SIDE: buf-only | breakwater-only)."""
    known = set()
    if not os.path.exists(path):
        return known
    for raw in open(path, encoding="utf-8"):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        case, category, side, rule, where = line.split()
        p, _, n = where.rpartition(":")
        known.add((case, category, side, rule, p, int(n)))
    return known


def main():
    buf, bw, testdata, known_file, only = sys.argv[1:6]
    known = load_known(known_file)
    cases = []
    for name in sorted(os.listdir(testdata)):
        d = os.path.join(testdata, name)
        if name == "compatible":
            cases += [(f"compatible/{c}", os.path.join(d, c)) for c in sorted(os.listdir(d))]
        elif os.path.isdir(os.path.join(d, "old")):
            cases.append((name, d))
    unexplained = explained = compared = 0
    used = set()
    for name, case in cases:
        if only and only not in name:
            continue
        for category in CATEGORIES:
            theirs = buf_findings(buf, case, category)
            ours = breakwater_findings(bw, case, category)
            compared += sum(theirs.values())
            for side, diff in (("buf-only", theirs - ours), ("breakwater-only", ours - theirs)):
                for (rule, path, line), count in sorted(diff.items()):
                    key = (name, category, side, rule, path, line)
                    tag = "explained  " if key in known else "UNEXPLAINED"
                    if key in known:
                        explained += count
                        used.add(key)
                    else:
                        unexplained += count
                    print(f"{tag} {name} {category} {side} {rule} {path or '<no path>'}:{line}"
                          + (f" (x{count})" if count > 1 else ""))
    for stale in sorted(known - used):
        if not only:
            print("stale known difference (no longer seen): " + " ".join(map(str, stale)))
    print(f"parity: {len(cases)} cases x {len(CATEGORIES)} categories, {compared} buf findings; "
          f"{explained} explained differences, {unexplained} unexplained")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
