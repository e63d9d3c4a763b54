CREATE TABLE t (a int, b integer, c int8, d bool, e timestamptz, f float8, g varchar(10), h int2);
