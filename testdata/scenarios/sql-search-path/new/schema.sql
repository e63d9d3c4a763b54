-- Hand-written: the same tables, named through the search path.
CREATE SCHEMA app;
SET search_path TO "$user", app, public;
CREATE TABLE users (id bigint PRIMARY KEY, email text);
ALTER TABLE users ADD COLUMN logins int NOT NULL DEFAULT 0;
SELECT set_config('search_path', 'public', false);
CREATE TABLE audit (id bigint);
RESET search_path;
-- A real break, for contrast: app.users loses a column through the path.
SET search_path = app;
ALTER TABLE users DROP COLUMN email;
