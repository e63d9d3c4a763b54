PRAGMA foreign_keys = ON;
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email VARCHAR(100) NOT NULL,
  nickname TEXT NOT NULL,
  handle TEXT NOT NULL
);
CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER, total TEXT);
CREATE VIEW v AS SELECT id FROM users;
-- restyled: the same price check; a changed qty check
CREATE TABLE items (
  qty INTEGER CHECK (qty > 0),
  "Price" REAL,
  CONSTRAINT price_pos CHECK ( "price">0 )
);
