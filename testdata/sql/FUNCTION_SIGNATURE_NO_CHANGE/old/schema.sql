CREATE FUNCTION order_total(order_id bigint) RETURNS numeric
  LANGUAGE sql AS $$ SELECT 0::numeric $$;
CREATE FUNCTION order_count(customer bigint) RETURNS integer
  LANGUAGE sql AS $$ SELECT 0 $$;
CREATE FUNCTION search(term text, max_rows int DEFAULT 50) RETURNS SETOF text
  LANGUAGE sql AS $$ SELECT term $$;
CREATE FUNCTION lookup(id int) RETURNS text LANGUAGE sql AS $$ SELECT '' $$;
