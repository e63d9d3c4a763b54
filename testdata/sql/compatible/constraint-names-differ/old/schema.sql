CREATE TABLE users (id bigint, email text, CONSTRAINT users_pk PRIMARY KEY (id), CONSTRAINT users_email_uq UNIQUE (email));
