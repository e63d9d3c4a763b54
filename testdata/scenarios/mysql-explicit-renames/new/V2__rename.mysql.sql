RENAME TABLE people TO users;
ALTER TABLE posts RENAME TO articles;
ALTER TABLE tags RENAME COLUMN label TO title;
-- Created and renamed here: no release ever used the first name.
CREATE TABLE drafts_tmp (id INT PRIMARY KEY);
RENAME TABLE drafts_tmp TO drafts;
-- Renamed away and created again under its name (a rebuild through a backup table): the name
-- old releases use is still there.
ALTER TABLE tags RENAME _bkp_tags;
CREATE TABLE tags (id INT PRIMARY KEY, title VARCHAR(20));
INSERT INTO tags SELECT * FROM _bkp_tags;
DROP TABLE _bkp_tags;
