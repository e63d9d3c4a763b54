CREATE TABLE a (x int, s text CHECK (s = printf('%05d', x)));
-- Would grow to gigabytes one character at a time: refused, at once.
CREATE TABLE z AS SELECT printf('%.*c', 999999990, 'a') AS v;
