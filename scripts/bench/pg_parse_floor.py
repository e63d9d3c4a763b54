#!/usr/bin/env python3
"""The libpg_query parse-only floor: split each file with PostgreSQL's scanner and parse every
statement (pg_query_parse, JSON out), nothing else. usage: pg_parse_floor.py FILE..."""
import ctypes, sys


class Err(ctypes.Structure):
    _fields_ = [("message", ctypes.c_char_p), ("funcname", ctypes.c_char_p),
                ("filename", ctypes.c_char_p), ("lineno", ctypes.c_int),
                ("cursorpos", ctypes.c_int), ("context", ctypes.c_char_p)]


class Parse(ctypes.Structure):
    _fields_ = [("parse_tree", ctypes.c_void_p), ("stderr_buffer", ctypes.c_void_p),
                ("error", ctypes.POINTER(Err))]


class SplitStmt(ctypes.Structure):
    _fields_ = [("stmt_location", ctypes.c_int), ("stmt_len", ctypes.c_int)]


class Split(ctypes.Structure):
    _fields_ = [("stmts", ctypes.POINTER(ctypes.POINTER(SplitStmt))), ("n_stmts", ctypes.c_int),
                ("stderr_buffer", ctypes.c_void_p), ("error", ctypes.POINTER(Err))]


lib = ctypes.CDLL("libpg_query.so")
lib.pg_query_parse.restype = Parse
lib.pg_query_split_with_scanner.restype = Split
lib.pg_query_free_parse_result.argtypes = [Parse]
lib.pg_query_free_split_result.argtypes = [Split]
statements = 0
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    split = lib.pg_query_split_with_scanner(data)
    for i in range(split.n_stmts):
        st = split.stmts[i].contents
        end = len(data) if st.stmt_len == 0 else st.stmt_location + st.stmt_len
        r = lib.pg_query_parse(data[st.stmt_location:end])
        if r.error:
            sys.exit("parse error in " + path)
        lib.pg_query_free_parse_result(r)
        statements += 1
    lib.pg_query_free_split_result(split)
print(f"{statements} statements parsed", file=sys.stderr)
