CREATE TYPE order_status AS ENUM ('open', 'paid');
CREATE TYPE money_amount AS (currency char(3), cents bigint);
CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE TYPE price_range AS RANGE (subtype = numeric);
CREATE TABLE orders (id bigint PRIMARY KEY, contact text);
