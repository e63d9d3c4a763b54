CREATE TABLE users (
  id bigint NOT NULL,
  email text,
  tenant bigint,
  deleted_at timestamptz,
  name text NOT NULL,
  nickname text
);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
CREATE UNIQUE INDEX users_active_email ON users (tenant, email) WHERE deleted_at IS NULL;
CREATE TABLE tags (a int, b int, UNIQUE (a, b));
