SET lock_timeout = '2s';
-- Meant as "change the type"; deletes every stored email and bio instead.
ALTER TABLE users DROP COLUMN email;
ALTER TABLE users ADD COLUMN email text NOT NULL DEFAULT '';
ALTER TABLE users DROP COLUMN bio, ADD COLUMN bio varchar(500);
-- A table this migration makes holds no rows yet: nothing is lost.
CREATE TABLE drafts (id bigint, body text);
ALTER TABLE drafts DROP COLUMN body;
ALTER TABLE drafts ADD COLUMN body text;
