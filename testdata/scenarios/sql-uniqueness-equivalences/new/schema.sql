-- Each constraint below is one old rows and old writers cannot break, except where noted.
CREATE TABLE users (
  id bigint NOT NULL,
  email text,
  tenant bigint,
  deleted_at timestamptz,
  name text NOT NULL,
  nickname text,
  external_id text,
  -- name is NOT NULL already.
  CHECK (name IS NOT NULL)
);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
-- The predicate only got narrower: fewer rows are held unique (the old index's guarantee for
-- rows with tenant <= 0 is gone: reported as dropped), none newly rejected.
CREATE UNIQUE INDEX users_active_email ON users (tenant, email) WHERE deleted_at IS NULL AND tenant > 0;
-- A superset of a unique column set: equal (email, tenant) pairs mean equal emails.
CREATE UNIQUE INDEX users_email_tenant ON users (email, tenant);
-- A new nullable column old writers leave NULL: NULLs are distinct.
CREATE UNIQUE INDEX users_external ON users (name, external_id);
-- A true break, for contrast: old rows may share a nickname.
CREATE UNIQUE INDEX users_nickname ON users (nickname);
-- A primary key in place of the UNIQUE on the same columns, in another order.
CREATE TABLE tags (a int, b int, PRIMARY KEY (b, a));
