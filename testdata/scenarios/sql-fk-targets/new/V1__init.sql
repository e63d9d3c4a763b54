CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);
-- The same key, written without its column: REFERENCES users means users' primary key.
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users);
CREATE TABLE notes (id bigint PRIMARY KEY, author bigint);
ALTER TABLE notes ADD FOREIGN KEY (author) REFERENCES users (id);
