SET lock_timeout = '2s';

-- Changes to what stays are reported here too, not at V1's CREATE TABLE.
ALTER TABLE users ALTER COLUMN plan DROP DEFAULT;
ALTER TABLE users ALTER COLUMN id DROP IDENTITY;
ALTER TYPE status RENAME VALUE 'closed' TO 'done';
ALTER TABLE users ADD COLUMN region text;
ALTER TABLE users ALTER COLUMN region SET NOT NULL;
-- Added with a DEFAULT that a later DROP DEFAULT removes: required from the DROP DEFAULT on.
ALTER TABLE users ADD COLUMN inboxes text[] NOT NULL DEFAULT '{}';
ALTER TABLE users ALTER COLUMN inboxes DROP DEFAULT;
