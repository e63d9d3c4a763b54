-- As pg_dump writes it: the path emptied, every name qualified.
SELECT pg_catalog.set_config('search_path', '', false);
CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email text);
CREATE TABLE public.audit (id bigint);
