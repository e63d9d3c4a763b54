CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
CREATE TABLE sessions (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id));
CREATE TABLE events (payload TEXT, kind TEXT GENERATED ALWAYS AS (json_extract(payload, '$.kind')));
CREATE INDEX events_user ON events(json_extract(payload, '$.user'));
