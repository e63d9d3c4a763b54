CREATE TABLE events (
  created_at timestamp,
  updated_at timestamp(6),
  seen_at timestamp,
  code char(36),
  label char(10),
  hits int4,
  total int8,
  happened_at timestamptz,
  measured_at timestamp(6)
);
