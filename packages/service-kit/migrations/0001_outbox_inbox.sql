-- The event tables every service schema holds (ADR 004): the outbox its relay publishes from
-- (src/outbox.ts) and the inbox its consumers deduplicate with (src/inbox.ts), pruned by src/prune.ts.
-- Applied by migrateSchema before the service's own migrations, with its own migrations table
-- (kit_pgmigrations). IF NOT EXISTS: schemas made before this file held these tables from their
-- service's 0001_init, which created them exactly so.

-- Up Migration
CREATE TABLE IF NOT EXISTS outbox (
  seq          bigserial PRIMARY KEY,
  id           uuid NOT NULL UNIQUE,
  type         text NOT NULL,
  payload      jsonb NOT NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  published_at timestamptz(3)
);
CREATE INDEX IF NOT EXISTS outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL;

CREATE TABLE IF NOT EXISTS inbox (
  consumer    text NOT NULL,
  event_id    uuid NOT NULL,
  received_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);

-- Down Migration
DROP TABLE inbox;
DROP TABLE outbox;
