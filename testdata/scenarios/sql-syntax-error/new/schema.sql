-- café ünïcode before the error
CREATE TABLE users (
  id bigint PRIMARY KEY,
  name text NOT NULL DEFALT 1
);
