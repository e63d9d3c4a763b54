ALTER TABLE customers ADD COLUMN nickname VARCHAR(40) AFTER id;
-- Appended at the end, and a column named "first" at the end: not reported.
ALTER TABLE customers ADD COLUMN `first` INT;
