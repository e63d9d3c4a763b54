-- Sets up a trigger for `updated_at`:
-- ```sql
-- SELECT 1;
-- ```
CREATE TABLE t (id int, data bytea);
ALTER TABLE t DROP COLUMN data;
