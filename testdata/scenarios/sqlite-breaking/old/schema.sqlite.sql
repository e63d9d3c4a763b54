PRAGMA foreign_keys = ON;
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email VARCHAR(255) NOT NULL UNIQUE,
  nickname TEXT,
  score INTEGER DEFAULT 0
);
CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), total REAL);
CREATE VIEW v AS SELECT id, email FROM users;
INSERT INTO users (email) VALUES ('a@b');
CREATE TABLE items (qty INTEGER CHECK (qty >= 0), "Price" REAL, CONSTRAINT price_pos CHECK ("Price" > 0));
