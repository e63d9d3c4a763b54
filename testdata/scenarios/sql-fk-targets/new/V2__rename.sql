SET lock_timeout = '2s';
-- Renames reach the keys that name them: only the renames are reported, not every foreign
-- key and unique key as dropped and added.
ALTER TABLE users RENAME TO accounts;
ALTER TABLE accounts RENAME COLUMN email TO mail;
