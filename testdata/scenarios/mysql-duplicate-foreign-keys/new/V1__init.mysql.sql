CREATE TABLE users (id INT PRIMARY KEY);
CREATE TABLE sessions (id INT PRIMARY KEY, subject INT,
  CONSTRAINT sessions_subjct_fkey FOREIGN KEY (subject) REFERENCES users (id));
-- A later migration adds the key again under its corrected name, leaving both: one constraint
-- to every reader and writer.
ALTER TABLE sessions ADD CONSTRAINT sessions_subject_fkey FOREIGN KEY (subject) REFERENCES users (id);
