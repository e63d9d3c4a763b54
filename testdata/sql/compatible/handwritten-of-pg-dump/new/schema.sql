-- Hand-written DDL; new/schema.sql is what pg_dump 15.20 --schema-only printed after psql ran it.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE SCHEMA billing;
CREATE ROLE app_reader;
CREATE TYPE public.order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
CREATE DOMAIN public.email AS text CHECK (VALUE ~ '^[^@]+@[^@]+$');
CREATE TYPE public.address AS (street text, city text, zip varchar(10));
CREATE TABLE public.customers (
  id bigserial PRIMARY KEY,
  email public.email NOT NULL UNIQUE,
  name varchar(200) NOT NULL,
  home public.address,
  created_at timestamptz NOT NULL DEFAULT now(),
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED
);
CREATE TABLE public.orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES public.customers(id) ON DELETE CASCADE,
  status public.order_status NOT NULL DEFAULT 'pending',
  total numeric(12,2) NOT NULL CHECK (total >= 0),
  placed_at timestamptz NOT NULL DEFAULT now(),
  token uuid DEFAULT gen_random_uuid()
);
CREATE INDEX orders_customer_idx ON public.orders (customer_id);
CREATE UNIQUE INDEX orders_token_idx ON public.orders (token) WHERE token IS NOT NULL;
CREATE INDEX customers_lower_email ON public.customers (lower(email));
CREATE TABLE billing.invoices (
  id serial,
  order_id bigint NOT NULL REFERENCES public.orders(id),
  issued_on date NOT NULL,
  amount numeric(12,2) NOT NULL,
  PRIMARY KEY (id, issued_on)
) PARTITION BY RANGE (issued_on);
CREATE TABLE billing.invoices_2025 PARTITION OF billing.invoices FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE billing.invoices_2026 PARTITION OF billing.invoices FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE public.reservations (
  id int PRIMARY KEY,
  room int NOT NULL,
  during tsrange NOT NULL,
  EXCLUDE USING gist (during WITH &&)
);
CREATE TABLE public.audit_log (id bigserial PRIMARY KEY, at timestamptz DEFAULT now(), payload jsonb);
CREATE TABLE public.audit_log_archive () INHERITS (public.audit_log);
CREATE VIEW public.customer_orders AS
  SELECT c.id AS customer_id, c.name, count(o.id) AS orders, sum(o.total) AS spent
  FROM public.customers c LEFT JOIN public.orders o ON o.customer_id = c.id GROUP BY c.id, c.name;
CREATE MATERIALIZED VIEW billing.monthly AS
  SELECT date_trunc('month', issued_on) AS month, sum(amount) AS amount FROM billing.invoices GROUP BY 1;
CREATE FUNCTION public.order_total(p_order bigint) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT total FROM public.orders WHERE id = p_order $$;
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.placed_at := now(); RETURN NEW; END $$;
CREATE FUNCTION public.customer_summary(p_id bigint, OUT orders bigint, OUT spent numeric) LANGUAGE sql AS $$ SELECT count(*), sum(total) FROM public.orders WHERE customer_id = p_id $$;
CREATE PROCEDURE billing.close_month(p_month date) LANGUAGE plpgsql AS $$ BEGIN REFRESH MATERIALIZED VIEW billing.monthly; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.touch();
ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_reader ON public.orders FOR SELECT TO app_reader USING (true);
CREATE SEQUENCE public.ticket_numbers START 1000;
COMMENT ON TABLE public.orders IS 'Customer orders';
COMMENT ON COLUMN public.orders.total IS 'Total in the order currency';
GRANT SELECT ON ALL TABLES IN SCHEMA public TO app_reader;
GRANT USAGE ON SCHEMA billing TO app_reader;
CREATE STATISTICS public.orders_stats (dependencies) ON customer_id, status FROM public.orders;
