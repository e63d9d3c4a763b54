CREATE TABLE orders (id bigint PRIMARY KEY, qty int, note text);
CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql RETURN i + 1;
