CREATE TYPE status AS ENUM ('active', 'suspended', 'closed');

CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text NOT NULL,
  nickname text,
  status status NOT NULL DEFAULT 'active',
  balance numeric(14, 2)
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  entry text
);
ALTER TABLE audit_log ALTER COLUMN entry TYPE text;
