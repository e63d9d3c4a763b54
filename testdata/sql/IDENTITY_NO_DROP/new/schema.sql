CREATE TABLE orders (
  id bigint PRIMARY KEY,
  ref integer NOT NULL
);
