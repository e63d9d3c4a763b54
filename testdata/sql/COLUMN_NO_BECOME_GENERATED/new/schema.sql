CREATE TABLE items (
  price numeric,
  total numeric GENERATED ALWAYS AS (price * 1.2) STORED
);
