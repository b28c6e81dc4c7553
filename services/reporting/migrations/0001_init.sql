-- Up Migration
-- The outbox and inbox come first from service-kit's migrations (packages/service-kit/migrations).
CREATE TABLE unit_replica (
  id             uuid PRIMARY KEY,
  name           text NOT NULL,
  kind           text NOT NULL,
  nature         text NOT NULL,
  industry       text,
  region         text,
  code           text,
  superior_id    uuid,
  path           text NOT NULL,
  status         text NOT NULL,
  training_level text,
  version        integer NOT NULL,
  updated_at     timestamptz(3) NOT NULL
);
CREATE INDEX unit_replica_path_idx ON unit_replica (path text_pattern_ops);

CREATE TABLE unit_registration_daily (
  day    date NOT NULL,
  kind   text NOT NULL,
  region text NOT NULL,
  count  integer NOT NULL,
  PRIMARY KEY (day, kind, region)
);

-- Down Migration
DROP TABLE unit_registration_daily;
DROP TABLE unit_replica;
