SET lock_timeout = '2s';

-- Each finding is reported on the statement that causes it, inside the pull request's diff.
-- breakwater:ignore COLUMN_NO_DELETE(email) moved to the contacts table in 3.0
ALTER TABLE users DROP COLUMN email;

ALTER TABLE users
  DROP COLUMN phone,
  DROP COLUMN legacy_code;

DROP TABLE audit;
