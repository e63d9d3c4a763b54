CREATE TABLE events (id bigint PRIMARY KEY, happened_at timestamp NOT NULL);
CREATE TABLE legacy_jobs (id bigint PRIMARY KEY, payload text);
