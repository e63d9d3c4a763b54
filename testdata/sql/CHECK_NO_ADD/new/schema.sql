CREATE TABLE items (
  qty int CHECK (qty > 0)
);
