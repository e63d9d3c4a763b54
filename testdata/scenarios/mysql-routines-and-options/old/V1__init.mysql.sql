CREATE TABLE t (a INT, b INT, event INT, KEY ib (b));
