-- Up Migration
-- A replica of identity's professionals, kept from ce.identity.professional.* events (masked ID
-- and blind index only: reporting never holds a clear ID or phone number).
CREATE TABLE professional_replica (
  account_id       uuid PRIMARY KEY,
  name             text NOT NULL,
  id_number_masked text NOT NULL,
  id_number_hash   text NOT NULL,
  unit_id          uuid NOT NULL,
  unit_path        text NOT NULL,
  status           text NOT NULL,
  education        text,
  title_series     text,
  title_level      text,
  major            text,
  certificate_no   text,
  registered_at    timestamptz(3) NOT NULL,
  version          integer NOT NULL,
  updated_at       timestamptz(3) NOT NULL
);
-- Scope queries are a prefix match on the unit path; verification looks people up by blind index.
CREATE INDEX professional_replica_unit_path_idx ON professional_replica (unit_path text_pattern_ops);
CREATE INDEX professional_replica_id_number_hash_idx ON professional_replica (id_number_hash);

-- Down Migration
DROP TABLE professional_replica;
