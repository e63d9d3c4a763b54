CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE VIEW user_emails AS SELECT id FROM users;
