--
-- PostgreSQL database dump
--

\restrict j3Ec5HdG5HBJfD5Un1iogrTX6GneJyNbHmwByG0yCpU3tM71jGdmt5ZGpPnSb5J

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: billing; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA billing;


ALTER SCHEMA billing OWNER TO postgres;

--
-- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;


--
-- Name: EXTENSION pgcrypto; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';


--
-- Name: address; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.address AS (
	street text,
	city text,
	zip character varying(10)
);


ALTER TYPE public.address OWNER TO postgres;

--
-- Name: email; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.email AS text
	CONSTRAINT email_check CHECK ((VALUE ~ '^[^@]+@[^@]+$'::text));


ALTER DOMAIN public.email OWNER TO postgres;

--
-- Name: order_status; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.order_status AS ENUM (
    'pending',
    'paid',
    'shipped',
    'cancelled'
);


ALTER TYPE public.order_status OWNER TO postgres;

--
-- Name: close_month(date); Type: PROCEDURE; Schema: billing; Owner: postgres
--

CREATE PROCEDURE billing.close_month(IN p_month date)
    LANGUAGE plpgsql
    AS $$ BEGIN REFRESH MATERIALIZED VIEW billing.monthly; END $$;


ALTER PROCEDURE billing.close_month(IN p_month date) OWNER TO postgres;

--
-- Name: customer_summary(bigint); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.customer_summary(p_id bigint, OUT orders bigint, OUT spent numeric) RETURNS record
    LANGUAGE sql
    AS $$ SELECT count(*), sum(total) FROM public.orders WHERE customer_id = p_id $$;


ALTER FUNCTION public.customer_summary(p_id bigint, OUT orders bigint, OUT spent numeric) OWNER TO postgres;

--
-- Name: order_total(bigint); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.order_total(p_order bigint) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT total FROM public.orders WHERE id = p_order $$;


ALTER FUNCTION public.order_total(p_order bigint) OWNER TO postgres;

--
-- Name: touch(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN NEW.placed_at := now(); RETURN NEW; END $$;


ALTER FUNCTION public.touch() OWNER TO postgres;

SET default_tablespace = '';

--
-- Name: invoices; Type: TABLE; Schema: billing; Owner: postgres
--

CREATE TABLE billing.invoices (
    id integer NOT NULL,
    order_id bigint NOT NULL,
    issued_on date NOT NULL,
    amount numeric(12,2) NOT NULL
)
PARTITION BY RANGE (issued_on);


ALTER TABLE billing.invoices OWNER TO postgres;

--
-- Name: invoices_id_seq; Type: SEQUENCE; Schema: billing; Owner: postgres
--

CREATE SEQUENCE billing.invoices_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE billing.invoices_id_seq OWNER TO postgres;

--
-- Name: invoices_id_seq; Type: SEQUENCE OWNED BY; Schema: billing; Owner: postgres
--

ALTER SEQUENCE billing.invoices_id_seq OWNED BY billing.invoices.id;


SET default_table_access_method = heap;

--
-- Name: invoices_2025; Type: TABLE; Schema: billing; Owner: postgres
--

CREATE TABLE billing.invoices_2025 (
    id integer DEFAULT nextval('billing.invoices_id_seq'::regclass) NOT NULL,
    order_id bigint NOT NULL,
    issued_on date NOT NULL,
    amount numeric(12,2) NOT NULL
);


ALTER TABLE billing.invoices_2025 OWNER TO postgres;

--
-- Name: invoices_2026; Type: TABLE; Schema: billing; Owner: postgres
--

CREATE TABLE billing.invoices_2026 (
    id integer DEFAULT nextval('billing.invoices_id_seq'::regclass) NOT NULL,
    order_id bigint NOT NULL,
    issued_on date NOT NULL,
    amount numeric(12,2) NOT NULL
);


ALTER TABLE billing.invoices_2026 OWNER TO postgres;

--
-- Name: monthly; Type: MATERIALIZED VIEW; Schema: billing; Owner: postgres
--

CREATE MATERIALIZED VIEW billing.monthly AS
 SELECT date_trunc('month'::text, (invoices.issued_on)::timestamp with time zone) AS month,
    sum(invoices.amount) AS amount
   FROM billing.invoices
  GROUP BY (date_trunc('month'::text, (invoices.issued_on)::timestamp with time zone))
  WITH NO DATA;


ALTER TABLE billing.monthly OWNER TO postgres;

--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now(),
    payload jsonb
);


ALTER TABLE public.audit_log OWNER TO postgres;

--
-- Name: audit_log_archive; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.audit_log_archive (
)
INHERITS (public.audit_log);


ALTER TABLE public.audit_log_archive OWNER TO postgres;

--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.audit_log_id_seq OWNER TO postgres;

--
-- Name: audit_log_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.audit_log_id_seq OWNED BY public.audit_log.id;


--
-- Name: customers; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.customers (
    id bigint NOT NULL,
    email public.email NOT NULL,
    name character varying(200) NOT NULL,
    home public.address,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, (name)::text)) STORED
);


ALTER TABLE public.customers OWNER TO postgres;

--
-- Name: orders; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.orders (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    status public.order_status DEFAULT 'pending'::public.order_status NOT NULL,
    total numeric(12,2) NOT NULL,
    placed_at timestamp with time zone DEFAULT now() NOT NULL,
    token uuid DEFAULT gen_random_uuid(),
    CONSTRAINT orders_total_check CHECK ((total >= (0)::numeric))
);


ALTER TABLE public.orders OWNER TO postgres;

--
-- Name: TABLE orders; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TABLE public.orders IS 'Customer orders';


--
-- Name: COLUMN orders.total; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON COLUMN public.orders.total IS 'Total in the order currency';


--
-- Name: customer_orders; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.customer_orders AS
 SELECT c.id AS customer_id,
    c.name,
    count(o.id) AS orders,
    sum(o.total) AS spent
   FROM (public.customers c
     LEFT JOIN public.orders o ON ((o.customer_id = c.id)))
  GROUP BY c.id, c.name;


ALTER TABLE public.customer_orders OWNER TO postgres;

--
-- Name: customers_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.customers_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.customers_id_seq OWNER TO postgres;

--
-- Name: customers_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.customers_id_seq OWNED BY public.customers.id;


--
-- Name: orders_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.orders ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.orders_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: reservations; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.reservations (
    id integer NOT NULL,
    room integer NOT NULL,
    during tsrange NOT NULL
);


ALTER TABLE public.reservations OWNER TO postgres;

--
-- Name: ticket_numbers; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.ticket_numbers
    START WITH 1000
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.ticket_numbers OWNER TO postgres;

--
-- Name: invoices_2025; Type: TABLE ATTACH; Schema: billing; Owner: postgres
--

ALTER TABLE ONLY billing.invoices ATTACH PARTITION billing.invoices_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');


--
-- Name: invoices_2026; Type: TABLE ATTACH; Schema: billing; Owner: postgres
--

ALTER TABLE ONLY billing.invoices ATTACH PARTITION billing.invoices_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');


--
-- Name: invoices id; Type: DEFAULT; Schema: billing; Owner: postgres
--

ALTER TABLE ONLY billing.invoices ALTER COLUMN id SET DEFAULT nextval('billing.invoices_id_seq'::regclass);


--
-- Name: audit_log id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.audit_log ALTER COLUMN id SET DEFAULT nextval('public.audit_log_id_seq'::regclass);


--
-- Name: audit_log_archive id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.audit_log_archive ALTER COLUMN id SET DEFAULT nextval('public.audit_log_id_seq'::regclass);


--
-- Name: audit_log_archive at; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.audit_log_archive ALTER COLUMN at SET DEFAULT now();


--
-- Name: customers id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.customers ALTER COLUMN id SET DEFAULT nextval('public.customers_id_seq'::regclass);


--
-- Name: invoices invoices_pkey; Type: CONSTRAINT; Schema: billing; Owner: postgres
--

ALTER TABLE ONLY billing.invoices
    ADD CONSTRAINT invoices_pkey PRIMARY KEY (id, issued_on);


--
-- Name: invoices_2025 invoices_2025_pkey; Type: CONSTRAINT; Schema: billing; Owner: postgres
--

ALTER TABLE ONLY billing.invoices_2025
    ADD CONSTRAINT invoices_2025_pkey PRIMARY KEY (id, issued_on);


--
-- Name: invoices_2026 invoices_2026_pkey; Type: CONSTRAINT; Schema: billing; Owner: postgres
--

ALTER TABLE ONLY billing.invoices_2026
    ADD CONSTRAINT invoices_2026_pkey PRIMARY KEY (id, issued_on);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: customers customers_email_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_email_key UNIQUE (email);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: reservations reservations_during_excl; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.reservations
    ADD CONSTRAINT reservations_during_excl EXCLUDE USING gist (during WITH &&);


--
-- Name: reservations reservations_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.reservations
    ADD CONSTRAINT reservations_pkey PRIMARY KEY (id);


--
-- Name: customers_lower_email; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX customers_lower_email ON public.customers USING btree (lower((email)::text));


--
-- Name: orders_customer_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX orders_customer_idx ON public.orders USING btree (customer_id);


--
-- Name: orders_token_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX orders_token_idx ON public.orders USING btree (token) WHERE (token IS NOT NULL);


--
-- Name: invoices_2025_pkey; Type: INDEX ATTACH; Schema: billing; Owner: postgres
--

ALTER INDEX billing.invoices_pkey ATTACH PARTITION billing.invoices_2025_pkey;


--
-- Name: invoices_2026_pkey; Type: INDEX ATTACH; Schema: billing; Owner: postgres
--

ALTER INDEX billing.invoices_pkey ATTACH PARTITION billing.invoices_2026_pkey;


--
-- Name: orders_stats; Type: STATISTICS; Schema: public; Owner: postgres
--

CREATE STATISTICS public.orders_stats (dependencies) ON customer_id, status FROM public.orders;


ALTER STATISTICS public.orders_stats OWNER TO postgres;

--
-- Name: orders orders_touch; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER orders_touch BEFORE UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.touch();


--
-- Name: invoices invoices_order_id_fkey; Type: FK CONSTRAINT; Schema: billing; Owner: postgres
--

ALTER TABLE billing.invoices
    ADD CONSTRAINT invoices_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id);


--
-- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id) ON DELETE CASCADE;


--
-- Name: orders; Type: ROW SECURITY; Schema: public; Owner: postgres
--

ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;

--
-- Name: orders orders_reader; Type: POLICY; Schema: public; Owner: postgres
--

CREATE POLICY orders_reader ON public.orders FOR SELECT TO app_reader USING (true);


--
-- Name: SCHEMA billing; Type: ACL; Schema: -; Owner: postgres
--

GRANT USAGE ON SCHEMA billing TO app_reader;


--
-- Name: TABLE audit_log; Type: ACL; Schema: public; Owner: postgres
--

GRANT SELECT ON TABLE public.audit_log TO app_reader;


--
-- Name: TABLE audit_log_archive; Type: ACL; Schema: public; Owner: postgres
--

GRANT SELECT ON TABLE public.audit_log_archive TO app_reader;


--
-- Name: TABLE customers; Type: ACL; Schema: public; Owner: postgres
--

GRANT SELECT ON TABLE public.customers TO app_reader;


--
-- Name: TABLE orders; Type: ACL; Schema: public; Owner: postgres
--

GRANT SELECT ON TABLE public.orders TO app_reader;


--
-- Name: TABLE customer_orders; Type: ACL; Schema: public; Owner: postgres
--

GRANT SELECT ON TABLE public.customer_orders TO app_reader;


--
-- Name: TABLE reservations; Type: ACL; Schema: public; Owner: postgres
--

GRANT SELECT ON TABLE public.reservations TO app_reader;


--
-- PostgreSQL database dump complete
--

\unrestrict j3Ec5HdG5HBJfD5Un1iogrTX6GneJyNbHmwByG0yCpU3tM71jGdmt5ZGpPnSb5J

