CREATE TABLE users (id bigint PRIMARY KEY, public_id text NOT NULL, updated_at timestamptz);
CREATE TABLE audit (user_id bigint, at timestamptz);
CREATE FUNCTION set_public_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.public_id := md5(random()::text); RETURN NEW; END $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE TRIGGER users_set_public_id BEFORE INSERT ON users
  FOR EACH ROW EXECUTE FUNCTION set_public_id();
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER audit_touch BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION touch();
