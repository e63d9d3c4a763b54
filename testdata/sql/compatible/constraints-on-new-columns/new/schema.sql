CREATE TABLE users (id bigint PRIMARY KEY);
ALTER TABLE users ADD COLUMN email text UNIQUE;
ALTER TABLE users ADD COLUMN parent bigint REFERENCES users (id);
