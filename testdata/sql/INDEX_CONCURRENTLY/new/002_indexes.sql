SET lock_timeout = '2s';
CREATE INDEX orders_user_id ON orders (user_id);
CREATE TABLE audit (id bigint, at timestamptz);
CREATE INDEX audit_at ON audit (at);
