CREATE TABLE t (id int PRIMARY KEY, x text, y text);
