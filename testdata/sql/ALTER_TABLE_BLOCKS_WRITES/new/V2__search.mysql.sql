ALTER TABLE orders ADD FULLTEXT INDEX orders_note (note);
-- A plain index is built online (LOCK=NONE): not reported.
CREATE INDEX orders_customer ON orders (customer_id);
