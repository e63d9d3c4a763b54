-- moved around and renamed back, domain check relaxed: nothing breaks
CREATE SCHEMA app;
CREATE DOMAIN positive AS int;
CREATE TYPE pair AS (x int, y int);
CREATE TYPE status AS ENUM ('a', 'b', 'c');
ALTER TYPE status SET SCHEMA app;
ALTER TYPE app.status SET SCHEMA public;
CREATE FUNCTION f(p pair) RETURNS positive LANGUAGE sql AS $$ SELECT 2 $$;
COMMENT ON FUNCTION f(pair) IS 'kept';
