CREATE TABLE a (x int);
-- copy the database out
VACUUM INTO '/tmp/breakwater-pwned.db';
