-- Every text column of users changes at this statement: one finding, here.
ALTER TABLE users CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
-- One column: a finding of its own at the MODIFY.
ALTER TABLE tags MODIFY label VARCHAR(20) COLLATE utf8mb4_bin;
