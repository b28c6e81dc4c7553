-- Up Migration
-- Every level's decision (学时审批) and every audit (学时审验): who, when, what, why.
CREATE TABLE declaration_decision (
  id               uuid PRIMARY KEY,
  declaration_id   uuid NOT NULL REFERENCES declaration (id),
  kind             text NOT NULL,
  step_index       integer NOT NULL,
  unit_id          uuid NOT NULL,
  unit_name        text NOT NULL,
  actor_account_id uuid NOT NULL,
  actor_name       text NOT NULL,
  decision         text NOT NULL,
  recognized_hours integer,
  reason_code      text,
  reason           text,
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  -- One decision per step: the last guard against two admins deciding at once.
  UNIQUE (declaration_id, kind, step_index)
);

-- Down Migration
DROP TABLE declaration_decision;
