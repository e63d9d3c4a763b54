CREATE TABLE items (
  qty int CHECK (qty > 0)
);
CREATE DOMAIN quantity AS int CONSTRAINT quantity_positive CHECK (VALUE > 0);
