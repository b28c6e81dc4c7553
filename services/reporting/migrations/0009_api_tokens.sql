-- Up Migration
-- API tokens for analysts and other systems (issue 11 item 1): a super admin's unit owns them, each
-- answers one subtree (scope_unit_id, inside the owner's) and the report procedures it names, until
-- it expires or is revoked. Only the SHA-256 of the secret is kept (api-tokens/secret.ts says why).
CREATE TABLE api_token (
  id              uuid PRIMARY KEY,
  name            text NOT NULL,
  -- The first characters of the secret ("cet_" + 8), shown in lists so a holder can tell tokens apart.
  prefix          text NOT NULL,
  secret_hash     bytea NOT NULL UNIQUE,
  owner_unit_id   uuid NOT NULL,
  scope_unit_id   uuid NOT NULL,
  permissions     text[] NOT NULL,
  rate_per_minute integer NOT NULL CHECK (rate_per_minute > 0),
  created_by      uuid NOT NULL,
  created_by_name text NOT NULL,
  created_at      timestamptz(3) NOT NULL,
  expires_at      timestamptz(3) NOT NULL,
  revoked_at      timestamptz(3),
  revoked_by      uuid,
  last_used_at    timestamptz(3)
);
CREATE INDEX api_token_owner_idx ON api_token (owner_unit_id, created_at DESC);

-- Every use of a token, answered or refused: which token (null when none matched), which procedure,
-- when, from where, the outcome and the rows answered. The rows of the last minute are also the
-- token's rate counter (reporting's Redis user may only read sessions, ADR 009).
CREATE TABLE api_token_use (
  id            bigserial PRIMARY KEY,
  token_id      uuid REFERENCES api_token (id),
  occurred_at   timestamptz(3) NOT NULL,
  procedure     text NOT NULL,
  outcome       text NOT NULL,
  rows_returned integer,
  client_ip     text,
  request_id    text
);
CREATE INDEX api_token_use_token_idx ON api_token_use (token_id, occurred_at DESC);

-- Down Migration
DROP TABLE api_token_use;
DROP TABLE api_token;
