SET lock_timeout = '5s';
-- PostgreSQL 12+ retags timestamp as timestamptz without rewriting when the session is in UTC.
SET timezone = 'UTC';
ALTER TABLE events ALTER COLUMN happened_at TYPE timestamptz;
-- A table of this release, used by the next migration.
CREATE TABLE votes (id bigint PRIMARY KEY, score int);
