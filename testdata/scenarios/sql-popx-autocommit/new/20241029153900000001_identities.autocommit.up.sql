-- PostgreSQL (popx runs it outside a transaction): MariaDB cannot read it.
CREATE INDEX CONCURRENTLY identities_state ON identities (state);
