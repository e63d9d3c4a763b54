CREATE TABLE users (id bigint PRIMARY KEY, email text CHECK (length(email) > 3), org bigint REFERENCES users (id));
