CREATE TABLE t (a int, b bigint, c varchar(20), d double precision);
