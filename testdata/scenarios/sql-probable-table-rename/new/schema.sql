CREATE TABLE clients (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE memos (id bigint PRIMARY KEY, body text, author text);
