#!/usr/bin/env python3
"""MySQL benchmark corpus: DIR/old/schema.sql, DIR/new/schema.sql and DIR/manifest.json.

N tables of 12 columns (integers signed and unsigned, varchar, text, decimal, enum, datetime,
json), a primary key, a unique key, a foreign key to the previous table and a check, written as
mysqldump writes them (version comments, LOCK TABLES and INSERTs). NEW is OLD with M mutations of
known verdict (the manifest lists the rule and entity each must fire; null for compatible ones).
"""
import json
import random
import sys
from pathlib import Path

HEADER = """/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
"""


def columns(i):
    return [
        ("id", "bigint unsigned NOT NULL AUTO_INCREMENT"),
        ("code", "varchar(64) NOT NULL"),
        ("name", "varchar(255) DEFAULT NULL"),
        ("qty", "int NOT NULL DEFAULT '0'"),
        ("small", "smallint DEFAULT NULL"),
        ("price", "decimal(10,2) NOT NULL DEFAULT '0.00'"),
        ("state", "enum('new','open','closed') NOT NULL DEFAULT 'new'"),
        ("notes", "text"),
        ("created_at", "datetime(6) NOT NULL"),
        ("meta", "json DEFAULT NULL"),
        ("parent_id", "bigint unsigned DEFAULT NULL"),
        ("flag", "tinyint(1) NOT NULL DEFAULT '0'"),
    ]


def table(i, cols, extra=()):
    lines = [f"  `{n}` {t}" for n, t in cols]
    lines.append("  PRIMARY KEY (`id`)")
    lines.append(f"  UNIQUE KEY `t{i}_code` (`code`)")
    if i > 0:
        lines.append(f"  KEY `t{i}_parent` (`parent_id`)")
        lines.append(f"  CONSTRAINT `t{i}_parent_fk` FOREIGN KEY (`parent_id`) REFERENCES `t{i-1}` (`id`)")
    lines.append(f"  CONSTRAINT `t{i}_qty` CHECK (`qty` >= 0)")
    lines.extend(extra)
    body = ",\n".join(lines)
    return (f"DROP TABLE IF EXISTS `t{i}`;\nCREATE TABLE `t{i}` (\n{body}\n) ENGINE=InnoDB "
            f"DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;\n"
            f"LOCK TABLES `t{i}` WRITE;\nINSERT INTO `t{i}` VALUES (1,'a','b',1,1,1.00,'new',NULL,"
            f"'2024-01-01 00:00:00',NULL,NULL,0);\nUNLOCK TABLES;\n")


def main():
    out = Path(sys.argv[1])
    n = int(sys.argv[sys.argv.index("--tables") + 1]) if "--tables" in sys.argv else 1000
    m = int(sys.argv[sys.argv.index("--mutations") + 1]) if "--mutations" in sys.argv else 100
    rng = random.Random(7)
    kinds = [("drop_column", "COLUMN_NO_DELETE"), ("narrow_int", "COLUMN_TYPE_NO_NARROW"),
             ("enum_member", "COLUMN_TYPE_NO_NARROW"), ("shorter_varchar", "COLUMN_TYPE_NO_NARROW"),
             ("signedness", "COLUMN_TYPE_NO_NARROW"), ("add_unique", "UNIQUE_NO_ADD"),
             ("widen_int", "none"), ("longer_varchar", "none"), ("append_enum", "none"),
             ("add_nullable", "none")]
    chosen = rng.sample(range(n), min(m, n))
    mutations = {t: kinds[k % len(kinds)] for k, t in enumerate(chosen)}
    old, new, manifest = [HEADER], [HEADER], []
    for i in range(n):
        cols = columns(i)
        old.append(table(i, cols))
        if i not in mutations:
            new.append(table(i, cols))
            continue
        kind, rule = mutations[i]
        ncols, extra = list(cols), []
        if kind == "drop_column":
            ncols = [c for c in ncols if c[0] != "notes"]
        elif kind == "narrow_int":
            ncols = [(c, "smallint NOT NULL DEFAULT '0'" if c == "qty" else t) for c, t in ncols]
        elif kind == "enum_member":
            ncols = [(c, "enum('new','open') NOT NULL DEFAULT 'new'" if c == "state" else t) for c, t in ncols]
        elif kind == "shorter_varchar":
            ncols = [(c, "varchar(100) DEFAULT NULL" if c == "name" else t) for c, t in ncols]
        elif kind == "signedness":
            ncols = [(c, "smallint unsigned DEFAULT NULL" if c == "small" else t) for c, t in ncols]
        elif kind == "add_unique":
            extra = [f"  UNIQUE KEY `t{i}_name` (`name`)"]
        elif kind == "widen_int":
            ncols = [(c, "bigint NOT NULL DEFAULT '0'" if c == "qty" else t) for c, t in ncols]
        elif kind == "longer_varchar":
            ncols = [(c, "varchar(500) DEFAULT NULL" if c == "name" else t) for c, t in ncols]
        elif kind == "append_enum":
            ncols = [(c, "enum('new','open','closed','archived') NOT NULL DEFAULT 'new'" if c == "state" else t) for c, t in ncols]
        elif kind == "add_nullable":
            ncols.append(("extra", "varchar(20) DEFAULT NULL"))
        new.append(table(i, ncols, extra))
        column = {"drop_column": "notes", "narrow_int": "qty", "enum_member": "state",
                  "shorter_varchar": "name", "signedness": "small", "add_unique": f"t{i}_name",
                  "widen_int": "qty", "longer_varchar": "name", "append_enum": "state",
                  "add_nullable": "extra"}[kind]
        manifest.append({"mutation": kind, "rule": None if rule == "none" else rule,
                         "entity": f"t{i}.{column}"})
    for side, text in (("old", old), ("new", new)):
        (out / side).mkdir(parents=True, exist_ok=True)
        (out / side / "schema.sql").write_text("".join(text))
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1))


if __name__ == "__main__":
    main()
