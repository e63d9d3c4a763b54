-- SQLite cannot change a column's constraints in place: the usual rebuild. users keeps its
-- columns (one gains a CHECK), so it is compared as the same table.
CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL CHECK (email LIKE '%@%'), nickname TEXT);
INSERT INTO users_new SELECT id, email, nickname FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
-- A real drop.
DROP TABLE sessions;
-- A dropped column.
ALTER TABLE events DROP COLUMN kind;
