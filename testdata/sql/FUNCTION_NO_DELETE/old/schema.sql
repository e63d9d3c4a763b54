CREATE FUNCTION order_total(order_id bigint) RETURNS numeric
  LANGUAGE sql AS $$ SELECT 0::numeric $$;
CREATE PROCEDURE archive_orders(before date)
  LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION kept() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
