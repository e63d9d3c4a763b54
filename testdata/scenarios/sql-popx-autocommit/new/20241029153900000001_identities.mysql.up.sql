-- MySQL's own version of the same migration stands in for the autocommit one.
CREATE INDEX identities_state ON identities (state);
