SET lock_timeout = '2s';

-- Conditional DDL runs on the server only: reported, not compared.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = 'email') THEN
    ALTER TABLE users DROP COLUMN email;
  END IF;
END $$;

CREATE OR REPLACE AGGREGATE total (int) (SFUNC = int4pl, STYPE = int);
CREATE TEXT SEARCH CONFIGURATION english_plain (COPY = pg_catalog.english);
