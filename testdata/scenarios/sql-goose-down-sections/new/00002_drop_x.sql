-- +goose Up
-- +goose StatementBegin
SET lock_timeout = '2s';
ALTER TABLE t DROP COLUMN x;
-- +goose StatementEnd

-- +goose Down
-- Rollbacks never run forward: this index is not built without CONCURRENTLY on deploy.
ALTER TABLE t ADD COLUMN x text;
CREATE INDEX t_x ON t (x);
