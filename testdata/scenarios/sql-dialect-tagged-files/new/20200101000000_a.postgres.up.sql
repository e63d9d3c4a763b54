CREATE TABLE a (id uuid PRIMARY KEY, x text);
