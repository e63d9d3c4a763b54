CREATE TYPE status AS ENUM ('active', 'suspended', 'closed');

CREATE TABLE users (
  id bigint PRIMARY KEY,
  email varchar(255) NOT NULL,
  nickname text,
  status status NOT NULL,
  balance numeric(12, 2)
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  entry text
);
