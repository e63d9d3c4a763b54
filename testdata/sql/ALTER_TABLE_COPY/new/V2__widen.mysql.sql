-- Changing a column's type copies the table.
ALTER TABLE orders MODIFY total BIGINT;
-- Instant: a column appended, a default changed.
ALTER TABLE orders ADD COLUMN currency CHAR(3) NOT NULL DEFAULT 'EUR';
ALTER TABLE orders ALTER COLUMN currency SET DEFAULT 'USD';
-- A table created here holds no rows: not reported.
CREATE TABLE refunds (id INT PRIMARY KEY, amount INT);
ALTER TABLE refunds MODIFY amount BIGINT;
