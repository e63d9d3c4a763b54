CREATE TABLE jobs (id bigint PRIMARY KEY, encoding varchar(16), owner text);
