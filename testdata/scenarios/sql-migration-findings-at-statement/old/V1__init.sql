CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text NOT NULL,
  phone text,
  legacy_code text
);

CREATE TABLE audit (
  id bigint PRIMARY KEY,
  note text
);
