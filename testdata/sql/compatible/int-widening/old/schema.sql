CREATE TABLE t (a smallint, b int, c varchar(10), d real);
