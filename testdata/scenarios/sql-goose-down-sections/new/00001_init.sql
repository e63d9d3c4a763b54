-- +goose Up
CREATE TABLE t (id int PRIMARY KEY, x text);

-- +goose Down
DROP TABLE t;
