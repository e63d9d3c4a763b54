-- This folder starts mid-history: users was created by a migration not given.
ALTER TABLE users ADD COLUMN age INTEGER;
CREATE INDEX users_age ON users(age);
