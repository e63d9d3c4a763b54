CREATE TYPE status AS ENUM ('a', 'b');
CREATE TYPE pair AS (x int, y int);
CREATE DOMAIN positive AS int CHECK (VALUE > 0);
CREATE FUNCTION f(p pair) RETURNS positive LANGUAGE sql AS $$ SELECT 1 $$;
