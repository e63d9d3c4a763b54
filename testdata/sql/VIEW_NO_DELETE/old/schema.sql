CREATE TABLE users (id bigint PRIMARY KEY, email text, active bool);
CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;
