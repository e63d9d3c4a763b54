ALTER TABLE people RENAME TO users;
ALTER TABLE posts RENAME TO articles;
ALTER TABLE tags RENAME label TO title;
CREATE TABLE drafts_tmp (id INTEGER PRIMARY KEY);
ALTER TABLE drafts_tmp RENAME TO drafts;
