-- breakwater:ignore COLUMN_NO_DELETE email moved to the contacts table in v2.3
CREATE TABLE users (id bigint PRIMARY KEY);
