CREATE TABLE t (a int);
CREATE AGGREGATE total (int) (SFUNC = int4pl, STYPE = int);
CREATE CAST (text AS int) WITH INOUT;
DROP OPERATOR === (int, int);
CREATE TABLE t_copy AS SELECT * FROM t;
