-- What the SQLite connection has that PostgreSQL needs written out, so the same statements run on both
-- (src/db/pg-sync.ts). Hand-written; drizzle-kit does not track functions and triggers.

-- drizzle's SQLite dialect inserts NULL into a key it should generate (SQLite then takes the next rowid); here a
-- trigger takes the next value of the identity's sequence instead. Every table with an identity key `id` gets it;
-- test/postgres.test.ts checks that no table added later lacks it.
CREATE OR REPLACE FUNCTION praxiswarn_fill_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    NEW.id := nextval(pg_get_serial_sequence(quote_ident(TG_TABLE_SCHEMA) || '.' || quote_ident(TG_TABLE_NAME), 'id'));
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT table_name FROM information_schema.columns
           WHERE table_schema = 'public' AND column_name = 'id' AND is_identity = 'YES' LOOP
    EXECUTE format('CREATE TRIGGER praxiswarn_fill_id BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION praxiswarn_fill_id()', t.table_name);
  END LOOP;
END $$;
--> statement-breakpoint
-- The Message-ID of a delivery from its dedupe key: src/notify/message-id.ts (messageIdFor) in SQL, the same bytes.
CREATE OR REPLACE FUNCTION praxiswarn_message_id(dedupe_key text, domain text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT '<' || substr(translate(encode(sha256(convert_to(dedupe_key, 'UTF8')), 'base64'), '+/', '-_'), 1, 24) || '@' || domain || '>'
$$;
--> statement-breakpoint
-- True when the practice's version is at or beyond the fixed one: compareVersions of src/notify/match.ts in SQL
-- (segments compared as numbers, then by their letter; missing segments count as 0). Versions it cannot read give
-- false, so the practice is alerted, as in the JS. SQLite's JS function answers 1/0, which SQLite reads the same way.
CREATE OR REPLACE FUNCTION praxiswarn_version_at_least(have text, fixed text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  a text[];
  b text[];
  pa text;
  pb text;
  na numeric;
  nb numeric;
  sa text;
  sb text;
BEGIN
  IF have IS NULL OR fixed IS NULL THEN RETURN false; END IF;
  a := string_to_array(regexp_replace(regexp_replace(have, '^\s+|\s+$', '', 'g'), '^v(ersion)?\s*', '', 'i'), '.');
  b := string_to_array(regexp_replace(regexp_replace(fixed, '^\s+|\s+$', '', 'g'), '^v(ersion)?\s*', '', 'i'), '.');
  IF coalesce(cardinality(a), 0) = 0 OR coalesce(cardinality(b), 0) = 0 THEN RETURN false; END IF;
  IF EXISTS (SELECT 1 FROM unnest(a || b) AS part WHERE part !~* '^[0-9]+[a-z]?$') THEN RETURN false; END IF;
  FOR i IN 1 .. greatest(cardinality(a), cardinality(b)) LOOP
    pa := coalesce(a[i], '0');
    pb := coalesce(b[i], '0');
    na := substring(pa FROM '^[0-9]+')::numeric;
    nb := substring(pb FROM '^[0-9]+')::numeric;
    IF na <> nb THEN RETURN CASE WHEN na > nb THEN true ELSE false END; END IF;
    sa := lower(substring(pa FROM '^[0-9]+(.*)$'));
    sb := lower(substring(pb FROM '^[0-9]+(.*)$'));
    IF sa <> sb THEN RETURN CASE WHEN sa COLLATE "C" > sb COLLATE "C" THEN true ELSE false END; END IF;
  END LOOP;
  RETURN true;
END $$;
