CREATE FUNCTION f(a int, b varchar) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION g(a bigint) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
