CREATE SEQUENCE invoice_numbers;
CREATE TABLE users (id bigint PRIMARY KEY);
