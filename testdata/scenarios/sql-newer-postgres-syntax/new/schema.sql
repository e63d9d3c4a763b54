CREATE TABLE orders (id bigint PRIMARY KEY, qty int, note text,
  -- PostgreSQL 18: a virtual generated column.
  qty_twice int GENERATED ALWAYS AS (qty * 2) VIRTUAL);
-- PostgreSQL 14: a SQL-standard function body, with ; inside.
CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE WHEN i IS NULL THEN 0 ELSE i + 1 END;
END;
-- PostgreSQL 16: a subquery without an alias, in a data statement: noted, skipped.
SELECT count(*) FROM (SELECT 1);
-- PostgreSQL 18: a named NOT NULL constraint, on a column old rows may hold NULL in.
ALTER TABLE orders ADD CONSTRAINT orders_qty_not_null NOT NULL qty;
