CREATE TABLE jobs (id bigint PRIMARY KEY, encoding varchar(16) NOT NULL DEFAULT '', owner text NOT NULL);
