"""Generates a synthetic protobuf corpus: OLD and NEW trees of FILES files, each with MESSAGES
messages of FIELDS fields, enums, nested types, a service, and imports of earlier files. NEW is
OLD with about 1 % of fields mutated (type changed, deleted, renamed, renumbered). Deterministic
for a given seed."""
import argparse
import os
import random

SCALARS = ["int32", "int64", "uint32", "uint64", "string", "bytes", "bool", "double", "float",
           "sint32", "fixed64"]


def file_text(i, args, rng, mutate):
    pkg = f"bench.p{i % 50:02d}.v1"
    lines = ['syntax = "proto3";', "", f"package {pkg};", "",
             f'option go_package = "example.com/bench/p{i % 50:02d}/v1;benchv1";',
             f'option java_package = "com.example.bench.p{i % 50:02d}";', ""]
    deps = sorted({rng.randrange(i) for _ in range(min(i, 3))}) if i else []
    for d in deps:
        lines.append(f'import "bench/f{d:04d}.proto";')
    lines.append("")
    lines += [f"enum Kind{i} {{", f"  KIND{i}_UNSPECIFIED = 0;"]
    lines += [f"  KIND{i}_V{v} = {v};" for v in range(1, 6)]
    lines += ["}", ""]
    for m in range(args.messages):
        lines.append(f"// Message {m} of file {i}.")
        lines.append(f"message M{i}x{m} {{")
        for f in range(1, args.fields + 1):
            kind = rng.randrange(10)
            if kind == 0 and deps:
                d = rng.choice(deps)
                typ = f"bench.p{d % 50:02d}.v1.M{d}x{rng.randrange(args.messages)}"
            elif kind == 1:
                typ = f"Kind{i}"
            else:
                typ = rng.choice(SCALARS)
            label = "repeated " if kind == 2 else ""
            name, number = f"field_{f}", f
            roll = rng.random() if mutate else 1.0
            if roll < 0.0025:
                continue  # deleted
            if roll < 0.005:
                typ = "string" if typ != "string" else "int64"
            elif roll < 0.0075:
                name = f"renamed_{f}"
            elif roll < 0.01:
                number = f + 1000
            lines.append(f"  {label}{typ} {name} = {number};")
        lines.append(f"  message Nested {{ string key = 1; int64 value = 2; Kind{i} kind = 3; }}")
        lines.append(f"  map<string, Nested> index = {args.fields + 1};")
        lines.append("}")
        lines.append("")
    lines.append(f"service Service{i} {{")
    for r in range(3):
        lines.append(f"  rpc Call{r}(M{i}x{r}) returns (M{i}x{r + 1});")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--messages", type=int, default=20)
    ap.add_argument("--fields", type=int, default=15)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    for side, mutate in (("old", False), ("new", True)):
        root = os.path.join(args.out, side, "bench")
        os.makedirs(root, exist_ok=True)
        for i in range(args.files):
            # Same structure stream for both sides; mutations draw from their own generator.
            rng = random.Random(args.seed * 100003 + i)
            text = file_text(i, args, _Mixed(rng, random.Random(i) if mutate else None), mutate)
            with open(os.path.join(root, f"f{i:04d}.proto"), "w") as f:
                f.write(text)


class _Mixed:
    """Structure decisions from `structure`; mutation rolls from `mutation` (NEW only)."""

    def __init__(self, structure, mutation):
        self.s, self.m = structure, mutation

    def randrange(self, *a):
        return self.s.randrange(*a)

    def choice(self, seq):
        return self.s.choice(seq)

    def random(self):
        return self.m.random() if self.m else 1.0


if __name__ == "__main__":
    main()
