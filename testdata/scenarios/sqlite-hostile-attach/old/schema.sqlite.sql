CREATE TABLE a (x int);
ATTACH DATABASE '/tmp/breakwater-pwned.db' AS p;
CREATE TABLE p.b (y int);
