-- the scanner's split drops a statement with no keyword: it must still be an error
CREATE TABLE t (a int);
CRATE TABLE u (b int);
