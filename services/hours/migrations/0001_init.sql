-- Up Migration
-- The outbox and inbox come first from service-kit's migrations (packages/service-kit/migrations).
CREATE TABLE unit_replica (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  kind        text NOT NULL,
  superior_id uuid,
  path        text NOT NULL,
  status      text NOT NULL,
  version     integer NOT NULL,
  updated_at  timestamptz(3) NOT NULL
);
CREATE INDEX unit_replica_path_idx ON unit_replica (path text_pattern_ops);

-- Down Migration
DROP TABLE unit_replica;
