SET lock_timeout = '2s';
ALTER TABLE users VALIDATE CONSTRAINT users_bio_nn;
ALTER TABLE users ALTER COLUMN bio SET NOT NULL;
