CREATE TYPE order_status AS ENUM ('open', 'paid');
CREATE TABLE orders (id bigint PRIMARY KEY, contact text);
