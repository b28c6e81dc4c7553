-- Up Migration
CREATE TABLE outbox (
  seq          bigserial PRIMARY KEY,
  id           uuid NOT NULL UNIQUE,
  type         text NOT NULL,
  payload      jsonb NOT NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  published_at timestamptz(3)
);
CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL;

CREATE TABLE inbox (
  consumer    text NOT NULL,
  event_id    uuid NOT NULL,
  received_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);

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
DROP TABLE inbox;
DROP TABLE outbox;
