SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY orders_user_id ON orders (user_id);
DROP INDEX CONCURRENTLY orders_user_id;
CREATE TABLE audit (id bigint PRIMARY KEY, at timestamptz);
CREATE INDEX audit_at ON audit (at);
ALTER TABLE audit ADD CONSTRAINT audit_at_set CHECK (at IS NOT NULL);
ALTER TABLE users ADD COLUMN bio text;
