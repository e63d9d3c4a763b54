RENAME TABLE people TO users;
ALTER TABLE posts RENAME TO articles;
ALTER TABLE tags RENAME COLUMN label TO title;
-- Created and renamed here: no release ever used the first name.
CREATE TABLE drafts_tmp (id INT PRIMARY KEY);
RENAME TABLE drafts_tmp TO drafts;
