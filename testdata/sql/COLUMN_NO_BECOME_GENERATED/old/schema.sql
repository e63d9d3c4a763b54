CREATE TABLE items (
  price numeric,
  total numeric
);
