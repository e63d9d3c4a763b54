-- an argument appended with a DEFAULT: old calls still resolve
CREATE FUNCTION order_total(order_id bigint, currency text DEFAULT 'EUR') RETURNS numeric
  LANGUAGE sql AS $$ SELECT 0::numeric $$;
-- an overload added, the body and parameter names changed, equivalent type spellings
CREATE FUNCTION greet(who text) RETURNS text LANGUAGE sql AS $$ SELECT 'hi ' || who $$;
CREATE FUNCTION greet(who text, polite boolean) RETURNS text LANGUAGE sql AS $$ SELECT who $$;
CREATE FUNCTION f(a integer, b integer = 1, c integer = 2) RETURNS integer LANGUAGE sql AS $$ SELECT a + b $$;
