CREATE FUNCTION order_total(order_id bigint) RETURNS numeric
  LANGUAGE sql AS $$ SELECT 0::numeric $$;
CREATE FUNCTION greet(name text) RETURNS text LANGUAGE sql AS $$ SELECT name $$;
CREATE FUNCTION f(a int4, b int4 DEFAULT 1) RETURNS int4 LANGUAGE sql AS $$ SELECT a $$;
