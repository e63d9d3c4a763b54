PRAGMA foreign_keys = ON;
CREATE TABLE t (
  id INTEGER PRIMARY KEY,
  n BIGINT,
  name VARCHAR(20),
  note TEXT,
  extra TEXT
);
CREATE INDEX t_n ON t (n);
