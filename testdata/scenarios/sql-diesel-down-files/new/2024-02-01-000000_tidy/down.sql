-- Undoes the migration; never applied forward.
ALTER TABLE t DROP COLUMN x;
ALTER TABLE t DROP COLUMN z;
