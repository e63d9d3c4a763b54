SET lock_timeout = '2s';
ALTER TABLE t DROP COLUMN y;
