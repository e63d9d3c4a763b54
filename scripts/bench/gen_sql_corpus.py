#!/usr/bin/env python3
"""Generates a large PostgreSQL schema (OLD) and a mutated copy (NEW) plus a manifest of the
findings each mutation must produce (and of compatible mutations that must produce none).

usage: gen_sql_corpus.py DIR [--tables N] [--mutations M] [--seed S]
writes DIR/old/schema.sql, DIR/new/schema.sql, DIR/manifest.json
"""
import argparse, copy, json, os, random

TYPES = ["integer", "bigint", "varchar(120)", "text", "numeric(12,2)", "boolean", "timestamptz",
         "varchar(40)", "int", "double precision"]


def header(name, kind):
    """The comment block pg_dump writes before every object."""
    return f"\n--\n-- Name: {name}; Type: {kind}; Schema: public; Owner: app\n--\n\n"


def function_sql(i):
    """Every tenth table has a function (kept in NEW even when the table goes: the verdicts in
    the manifest are about tables, columns, views and enums)."""
    if i % 10:
        return ""
    return (header(f"t{i:05d}_count(bigint)", "FUNCTION") +
            f"CREATE FUNCTION public.t{i:05d}_count(p_min bigint DEFAULT 0) RETURNS bigint\n"
            f"    LANGUAGE sql STABLE\n    AS $$ SELECT count(*) FROM public.t{i:05d} WHERE id >= p_min $$;\n")


def table_sql(i, t, enums):
    cols = [f"    id bigint NOT NULL"]
    for c in sorted(t["cols"]):
        typ = t["cols"][c]
        extra = t["extra"][c]
        cols.append(f"    c{c:02d} {typ}{extra}")
    body = ",\n".join(cols)
    out = header(f"t{i:05d}", "TABLE")
    out += f"CREATE TABLE public.t{i:05d} (\n{body}\n);\n"
    out += f"\nALTER TABLE public.t{i:05d} OWNER TO app;\n"
    out += header(f"TABLE t{i:05d}", "COMMENT")
    out += f"COMMENT ON TABLE public.t{i:05d} IS 'Generated table number {i} of the benchmark schema';\n"
    for c in sorted(t["cols"])[:6]:
        out += header(f"COLUMN t{i:05d}.c{c:02d}", "COMMENT")
        out += f"COMMENT ON COLUMN public.t{i:05d}.c{c:02d} IS 'Column {c} of table {i}: generated for the benchmark';\n"
    out += header(f"t{i:05d} t{i:05d}_pkey", "CONSTRAINT")
    out += f"ALTER TABLE ONLY public.t{i:05d}\n    ADD CONSTRAINT t{i:05d}_pkey PRIMARY KEY (id);\n"
    out += header(f"t{i:05d} t{i:05d}_id_check", "CONSTRAINT")
    out += f"ALTER TABLE public.t{i:05d}\n    ADD CONSTRAINT t{i:05d}_id_check CHECK ((id > (0)::bigint)) NOT VALID;\n"
    if i % 20 == 0:
        out += header(f"t{i:05d} t{i:05d}_touch", "TRIGGER")
        out += (f"CREATE TRIGGER t{i:05d}_touch BEFORE UPDATE ON public.t{i:05d} "
                f"FOR EACH ROW EXECUTE FUNCTION public.touch();\n")
    out += header(f"TABLE t{i:05d}", "ACL")
    out += f"GRANT SELECT ON TABLE public.t{i:05d} TO app_reader;\n"
    if i > 0:
        out += f"ALTER TABLE ONLY public.t{i:05d} ADD CONSTRAINT t{i:05d}_c01_fkey FOREIGN KEY (c01) REFERENCES public.t{i-1:05d} (id);\n"
    if i % 10 == 0:
        out += f"CREATE UNIQUE INDEX t{i:05d}_c02_key ON public.t{i:05d} (c02);\n"
    out += f"CREATE INDEX t{i:05d}_c03_idx ON public.t{i:05d} (c03);\n"
    if i % 50 == 0:
        out += f"CREATE VIEW public.v{i:05d} AS SELECT id, c02, c03 FROM public.t{i:05d};\n"
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--tables", type=int, default=5000)
    ap.add_argument("--mutations", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    enums = [f"e{k:02d}" for k in range(50)]
    tables = []
    for i in range(a.tables):
        cols, extra = {}, {}
        cols[1] = "bigint"
        extra[1] = ""
        for c in range(2, 20):
            if c == 19:
                cols[c] = f"public.{enums[i % len(enums)]}"
            else:
                cols[c] = TYPES[(i + c) % len(TYPES)]
            extra[c] = " NOT NULL DEFAULT 0" if cols[c] in ("integer", "bigint", "int") and c % 4 == 0 else ""
        tables.append({"cols": cols, "extra": extra})
    old_enums = {e: ["a", "b", "c", "d", "e"] for e in enums}
    new_enums = {e: list(v) for e, v in old_enums.items()}
    new_tables = copy.deepcopy(tables)
    dropped_tables, dropped_views, added = set(), set(), {}
    manifest = []
    kinds = ["drop_column", "narrow", "set_not_null", "add_required", "drop_table", "drop_label",
             "drop_view", "widen", "add_nullable", "drop_not_null"]
    used = set()
    for m in range(a.mutations):
        kind = kinds[m % len(kinds)]
        while True:
            i = rnd.randrange(1, a.tables - 1)
            if i not in used and (kind != "drop_view" or i % 50 == 0) and (kind != "drop_table" or i % 50 != 0):
                break
            if kind == "drop_view" and all(j in used for j in range(50, a.tables - 1, 50)):
                kind = "widen"
        used.add(i)
        t = new_tables[i]
        name = f"public.t{i:05d}"
        # columns that hold plain types and no index, view or FK
        plain = [c for c in range(4, 18) if t["cols"][c] in ("text", "varchar(120)", "varchar(40)")]
        if kind == "drop_column":
            c = 18
            del t["cols"][c]
            del t["extra"][c]
            manifest.append({"rule": "COLUMN_NO_DELETE", "entity": f"{name}.c{c:02d}"})
        elif kind == "narrow" and plain:
            c = plain[0]
            t["cols"][c] = "varchar(10)"
            manifest.append({"rule": "COLUMN_TYPE_NO_NARROW", "entity": f"{name}.c{c:02d}"})
        elif kind == "set_not_null":
            c = next(c for c in range(4, 18) if t["extra"][c] == "")
            t["extra"][c] = " NOT NULL"
            manifest.append({"rule": "COLUMN_NO_SET_NOT_NULL", "entity": f"{name}.c{c:02d}"})
        elif kind == "add_required":
            added[i] = "  extra_col bigint NOT NULL"
            manifest.append({"rule": "COLUMN_REQUIRED_NO_ADD", "entity": f"{name}.extra_col"})
        elif kind == "drop_table":
            dropped_tables.add(i)
            manifest.append({"rule": "TABLE_NO_DELETE", "entity": name})
        elif kind == "drop_label":
            e = enums[i % len(enums)]
            if "c" in new_enums[e]:
                new_enums[e].remove("c")
                manifest.append({"rule": "ENUM_LABEL_NO_DELETE", "entity": f"public.{e}.c"})
        elif kind == "drop_view" and i % 50 == 0:
            dropped_views.add(i)
            manifest.append({"rule": "VIEW_NO_DELETE", "entity": f"public.v{i:05d}"})
        elif kind == "widen" or kind == "narrow":
            c = next((c for c in range(4, 18) if t["cols"][c] == "varchar(40)"), None)
            if c is not None:
                t["cols"][c] = "varchar(400)"
            manifest.append({"rule": None, "entity": f"{name} widened"})
        elif kind == "add_nullable":
            added[i] = "  note text"
            manifest.append({"rule": None, "entity": f"{name} nullable column added"})
        elif kind == "drop_not_null":
            c = next((c for c in range(4, 18) if t["extra"][c] != ""), None)
            if c is not None:
                t["extra"][c] = ""
            manifest.append({"rule": None, "entity": f"{name} NOT NULL dropped"})

    def write(path, tabs, enum_map, drop_t, drop_v, extra_cols):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("-- generated by scripts/bench/gen_sql_corpus.py\nSET client_encoding = 'UTF8';\n\n")
            for e, labels in enum_map.items():
                f.write(f"CREATE TYPE public.{e} AS ENUM (" + ", ".join(f"'{l}'" for l in labels) + ");\n")
            f.write(header("touch()", "FUNCTION"))
            f.write("CREATE FUNCTION public.touch() RETURNS trigger\n    LANGUAGE plpgsql\n"
                    "    AS $$ BEGIN NEW.c02 := NEW.c02; RETURN NEW; END $$;\n")
            for i, t in enumerate(tabs):
                f.write(function_sql(i))
                if i in drop_t:
                    continue
                sql = table_sql(i, t, enums)
                if i in drop_v:
                    sql = "\n".join(l for l in sql.split("\n") if not l.startswith("CREATE VIEW")) + "\n"
                if i + 1 < len(tabs) and (i + 1) not in drop_t and i in drop_t:
                    pass
                if i in extra_cols:
                    sql = sql.replace("\n);\n", ",\n" + extra_cols[i] + "\n);\n", 1)
                # a dropped parent takes the child's FK with it in NEW
                if i - 1 in drop_t:
                    sql = "\n".join(l for l in sql.split("\n") if "_c01_fkey" not in l)
                f.write(sql + "\n")

    write(os.path.join(a.dir, "old", "schema.sql"), tables, old_enums, set(), set(), {})
    write(os.path.join(a.dir, "new", "schema.sql"), new_tables, new_enums, dropped_tables,
          dropped_views, added)
    with open(os.path.join(a.dir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    main()
