-- The user table.
create type status as enum ('active', 'suspended', 'closed');

create table public.users (
  id int8 primary key, -- surrogate key
  email character varying(255) not null,
  nickname text,
  status status not null default 'active',
  balance decimal(12,2)
);
COMMENT ON TABLE users IS 'people';

create table audit_log (id bigserial primary key, entry text);
