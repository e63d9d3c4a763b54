-- a required argument was added: order_total(1) no longer resolves
CREATE FUNCTION order_total(order_id bigint, currency text) RETURNS numeric
  LANGUAGE sql AS $$ SELECT 0::numeric $$;
-- the result type changed
CREATE FUNCTION order_count(customer bigint) RETURNS bigint
  LANGUAGE sql AS $$ SELECT 0::bigint $$;
-- the default is gone: search('x') fails
CREATE FUNCTION search(term text, max_rows int) RETURNS SETOF text
  LANGUAGE sql AS $$ SELECT term $$;
-- the argument type changed
CREATE FUNCTION lookup(id uuid) RETURNS text LANGUAGE sql AS $$ SELECT '' $$;
