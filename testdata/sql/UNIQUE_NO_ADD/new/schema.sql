CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text UNIQUE,
  handle text
);
CREATE UNIQUE INDEX users_handle ON users (handle);
