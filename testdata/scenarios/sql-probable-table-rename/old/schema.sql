CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
