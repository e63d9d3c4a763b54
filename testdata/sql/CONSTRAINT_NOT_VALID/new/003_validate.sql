-- Validation in a later migration takes only a SHARE UPDATE EXCLUSIVE lock.
SET lock_timeout = '2s';
ALTER TABLE orders VALIDATE CONSTRAINT orders_user;
