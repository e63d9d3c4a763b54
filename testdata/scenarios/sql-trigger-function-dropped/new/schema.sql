CREATE TABLE items (id bigint PRIMARY KEY, updated_at timestamptz);
-- The trigger and its function are gone: no client ever called touch(). item_count() was
-- callable: its removal is a break.
