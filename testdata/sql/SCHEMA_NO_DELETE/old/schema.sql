CREATE SCHEMA billing;
CREATE TABLE users (id bigint PRIMARY KEY);
