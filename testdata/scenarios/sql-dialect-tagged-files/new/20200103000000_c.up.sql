-- The generic file, for the databases without their own: PostgreSQL has one (below).
ALTER TABLE a ADD COLUMN note TEXT;
ALTER TABLE a DROP COLUMN id;
