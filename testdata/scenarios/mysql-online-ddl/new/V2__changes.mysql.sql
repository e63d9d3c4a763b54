-- A member appended to an ENUM: instant.
ALTER TABLE orders MODIFY status ENUM('new', 'paid', 'sent', 'refunded');
-- The statement ends in a comment: the probe's options go on a line of their own.
ALTER TABLE orders MODIFY total BIGINT -- widen
;
-- The author's own ALGORITHM=COPY: still a copy.
ALTER TABLE orders ADD COLUMN ref INT, ALGORITHM=COPY;
-- CREATE INDEX with its own option: the probe cannot add one; the statement runs as written.
CREATE INDEX orders_note ON orders (note) ALGORITHM=INPLACE;
-- A MyISAM table is never altered in place.
ALTER TABLE legacy ADD COLUMN w INT;
-- Partitioning takes no trailing option: runs as written, not classified.
ALTER TABLE orders PARTITION BY HASH(id) PARTITIONS 2;
-- Dropping a column or a plain index: instant (MariaDB 10.4+, MySQL 8.0.29+).
ALTER TABLE orders DROP COLUMN ref;
ALTER TABLE orders DROP INDEX orders_note;
-- Making a column NOT NULL rebuilds the table in place, writes allowed.
ALTER TABLE orders MODIFY note VARCHAR(200) NOT NULL;
-- The author's own LOCK=SHARED blocks writes.
ALTER TABLE orders ADD INDEX orders_total (total), LOCK=SHARED;
-- A table created here holds no rows: not probed.
CREATE TABLE audit (id INT PRIMARY KEY, what TEXT);
ALTER TABLE audit ADD FULLTEXT INDEX audit_what (what);
-- MariaDB converts in place and adds a column with its own CHECK instantly; MySQL 8 copies both.
ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
ALTER TABLE orders ADD COLUMN discount INT NULL CHECK (discount IS NULL OR discount >= 0);
