CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
CREATE TABLE notes (id bigint PRIMARY KEY, author bigint);
ALTER TABLE notes ADD FOREIGN KEY (author) REFERENCES users (id);
