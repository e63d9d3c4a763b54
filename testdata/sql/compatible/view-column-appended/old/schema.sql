CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE VIEW v AS SELECT id FROM users;
