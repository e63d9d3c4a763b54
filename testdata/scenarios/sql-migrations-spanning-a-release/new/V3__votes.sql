-- votes is new in this release: no running release holds its rows or locks (no LOCK_TIMEOUT,
-- no COLUMN_NO_DELETE for the column dropped and added again).
ALTER TABLE votes DROP COLUMN score, ADD COLUMN score boolean NOT NULL DEFAULT false;
-- An explicit DROP: reported at the DROP, not guessed a rename of the table created after it.
DROP TABLE legacy_jobs;
CREATE TABLE jobs (id bigint PRIMARY KEY, payload text);
