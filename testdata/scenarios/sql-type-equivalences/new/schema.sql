CREATE TABLE events (
  created_at timestamp(6),       -- same: no precision means 6 digits
  updated_at timestamp,          -- same
  seen_at timestamptz,           -- keeps every value
  code varchar(36),              -- every char(36) value fits
  label varchar(5),              -- break: longer labels no longer fit
  hits float8,                   -- int4 fits float8's mantissa exactly
  total float8,                  -- break: int8 beyond 2^53 loses precision
  happened_at timestamp,         -- break: the zone is dropped
  measured_at timestamp(3)       -- break: microseconds rounded away
);
