CREATE TABLE memberships (
  user_id bigint,
  org_id bigint,
  PRIMARY KEY (user_id)
);
