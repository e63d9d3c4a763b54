CREATE TABLE t (a integer, b int4, c bigint, d boolean, e timestamp with time zone, f double precision, g character varying(10), h smallint);
