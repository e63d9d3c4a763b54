CREATE TYPE status AS ENUM ('open', 'closed');

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  phone text,
  legacy_code text,
  plan text NOT NULL DEFAULT 'free',
  state status
);

CREATE TABLE audit (
  id bigint PRIMARY KEY,
  note text
);
