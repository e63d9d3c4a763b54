#!/usr/bin/env python3
"""Generates a large JSON Schema (OLD, 2020-12) and a mutated copy (NEW) plus a manifest of
the findings each mutation must produce (and of compatible mutations that must produce none).

Every definition is reached from the root, so every one is compared. Definitions mix closed,
partially open and open objects, enums, bounded numbers and strings, arrays of references,
anyOf/oneOf, inline nested objects and self-references (recursion).

usage: gen_jsonschema_corpus.py DIR [--defs N] [--mutations M] [--seed S]
writes DIR/old/schema.json, DIR/new/schema.json, DIR/manifest.json
"""
import argparse, copy, json, os, random

FILE = "schema.json"


def definition(i, n):
    model = ("closed", "partial", "open")[i % 3]
    d = {
        "type": "object",
        "description": f"Generated definition {i} of the benchmark corpus ({model} content model)",
        "properties": {
            "id": {"type": "string", "format": "uuid", "description": "Identifier"},
            "name": {"type": "string", "minLength": 1, "maxLength": 80 + i % 40},
            "code": {"type": "string", "description": "Short code"},
            "email": {"type": "string", "format": "email", "maxLength": 254},
            "createdAt": {"type": "string", "format": "date-time", "title": "Created"},
            "status": {"enum": ["draft", "active", "suspended", "closed", f"s{i % 7}"]},
            "count": {"type": "integer", "minimum": 0, "maximum": 100000},
            "ratio": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
            "tags": {"type": "array", "items": {"type": "string", "maxLength": 32},
                     "maxItems": 20, "uniqueItems": True},
            "related": {"type": "array", "items": {"$ref": f"#/$defs/d{(i * 7 + 3) % n:05d}"}},
            "note": {"anyOf": [{"type": "string", "maxLength": 500}, {"type": "null"}]},
            "owner": {"oneOf": [{"$ref": f"#/$defs/d{(i + 1) % n:05d}"},
                                {"type": "string", "pattern": "^[a-z]+$"}]},
            "address": {
                "type": "object",
                "properties": {
                    "street": {"type": "string", "maxLength": 120},
                    "city": {"type": "string", "maxLength": 60},
                    "zip": {"type": "string", "pattern": "^[0-9]{5}$"},
                },
                "required": ["city"],
                "additionalProperties": False,
            },
        },
        "required": ["id", "name"],
    }
    if i % 5 == 0:
        d["properties"]["parent"] = {"$ref": f"#/$defs/d{i:05d}"}  # recursion
    if model == "closed":
        d["additionalProperties"] = False
    elif model == "partial":
        d["additionalProperties"] = {"type": "string"}
    return d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--defs", type=int, default=20000)
    ap.add_argument("--mutations", type=int, default=300)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    n = a.defs
    old = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.com/bench/schema.json",
        "type": "object",
        "properties": {f"r{i:05d}": {"$ref": f"#/$defs/d{i:05d}"} for i in range(n)},
        "$defs": {f"d{i:05d}": definition(i, n) for i in range(n)},
    }
    new = copy.deepcopy(old)
    manifest = []
    kinds = ["max_length_down", "max_length_up", "enum_remove", "enum_add", "required_add",
             "required_remove", "prop_add", "prop_remove", "minimum_up", "minimum_down",
             "pattern_add", "description"]
    targets = rnd.sample(range(n), min(a.mutations, n))
    for k, i in enumerate(targets):
        kind = kinds[k % len(kinds)]
        name = f"d{i:05d}"
        d = new["$defs"][name]
        model = ("closed", "partial", "open")[i % 3]
        base = f"{FILE}#/$defs/{name}"
        rule, entity = None, None
        if kind == "max_length_down":
            d["properties"]["name"]["maxLength"] -= 10
            rule, entity = "MAX_LENGTH_NO_DECREASE", f"{base}/properties/name/maxLength"
        elif kind == "max_length_up":
            d["properties"]["name"]["maxLength"] += 10
        elif kind == "enum_remove":
            d["properties"]["status"]["enum"].remove("suspended")
            rule, entity = "ENUM_NO_NARROW", f"{base}/properties/status/enum"
        elif kind == "enum_add":
            d["properties"]["status"]["enum"].append("archived")
        elif kind == "required_add":
            d["required"].append("count")
            rule, entity = "REQUIRED_NO_ADD", f"{base}/required/count"
        elif kind == "required_remove":
            d["required"].remove("name")
        elif kind == "prop_add":
            d["properties"]["extra"] = {"type": "string", "maxLength": 10}
            if model == "open":
                rule, entity = "PROPERTY_NO_ADD_OPEN", f"{base}/properties/extra"
            elif model == "partial":
                rule, entity = "PROPERTY_NO_ADD_UNCOVERED", f"{base}/properties/extra"
        elif kind == "prop_remove":
            del d["properties"]["code"]
            if model == "closed":
                rule, entity = "PROPERTY_NO_DELETE_CLOSED", f"{base}/properties/code"
        elif kind == "minimum_up":
            d["properties"]["count"]["minimum"] = 1
            rule, entity = "MINIMUM_NO_INCREASE", f"{base}/properties/count/minimum"
        elif kind == "minimum_down":
            d["properties"]["count"]["minimum"] = -1
        elif kind == "pattern_add":
            d["properties"]["code"]["pattern"] = "^[A-Z]{3}$"
            rule, entity = "PATTERN_NO_ADD", f"{base}/properties/code/pattern"
        elif kind == "description":
            d["description"] += " (edited)"
        manifest.append({"def": name, "kind": kind, "rule": rule, "entity": entity})
    for side, doc in (("old", old), ("new", new)):
        os.makedirs(os.path.join(a.dir, side), exist_ok=True)
        with open(os.path.join(a.dir, side, FILE), "w") as f:
            json.dump(doc, f, indent=2)
    with open(os.path.join(a.dir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    main()
