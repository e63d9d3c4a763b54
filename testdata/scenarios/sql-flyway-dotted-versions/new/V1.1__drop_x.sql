-- Applies after V1 (version 1.1), not before it.
SET lock_timeout = '2s';
ALTER TABLE t DROP COLUMN x;
