SET lock_timeout = '2s';
ALTER TABLE users RENAME COLUMN mail TO email;
