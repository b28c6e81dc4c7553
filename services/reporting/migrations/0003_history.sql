-- Up Migration
-- Read models with history (issue 10, ADR 013): every row comes from identity and hours events
-- only. Intervals are [valid_from, valid_to) over the events' occurredAt (valid_to NULL = in
-- force); a statistic "as of" an instant reads the row whose interval holds it.

-- A unit over time, one row per version identity announced (unit.created / .updated snapshots,
-- unit.moved). `patch` is what that event itself carried; the other columns are the state in
-- force (earlier versions' fields under this one's patch). A unit's path as of an instant is
-- rebuilt from the superiors in force then, so an ancestor's move never restates this table.
CREATE TABLE unit_history (
  unit_id     uuid NOT NULL,
  version     integer NOT NULL,
  event_id    uuid NOT NULL,
  occurred_at timestamptz(3) NOT NULL,
  valid_from  timestamptz(3) NOT NULL,
  valid_to    timestamptz(3),
  patch       jsonb NOT NULL,
  superior_id uuid,
  name        text,
  kind        text CONSTRAINT unit_history_kind_check CHECK (kind IN ('AUTHORITY', 'EMPLOYER', 'TRAINING_BASE')),
  status      text CONSTRAINT unit_history_status_check CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'DISABLED')),
  region      text,
  path        text,
  PRIMARY KEY (unit_id, version),
  CONSTRAINT unit_history_patch_check CHECK (jsonb_typeof(patch) = 'object')
);
-- The as-of tree walks children by superior among the rows in force.
CREATE INDEX unit_history_superior_idx ON unit_history (superior_id, valid_from);

-- A professional over time, one row per version (professional.registered / approved / rejected /
-- updated / transferred each carry the whole snapshot, so the columns are that event's state).
CREATE TABLE person_history (
  account_id    uuid NOT NULL,
  version       integer NOT NULL,
  event_id      uuid NOT NULL,
  occurred_at   timestamptz(3) NOT NULL,
  valid_from    timestamptz(3) NOT NULL,
  valid_to      timestamptz(3),
  unit_id       uuid NOT NULL,
  status        text NOT NULL CONSTRAINT person_history_status_check CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
  education     text,
  title_series  text,
  title_level   text,
  qualification text,
  PRIMARY KEY (account_id, version)
);
-- A person's as-of lookup is the primary key's (account_id) range; per-unit counts as of an
-- instant read the units' rows in force without touching the heap for the common columns.
CREATE INDEX person_history_unit_idx ON person_history (unit_id, valid_from) INCLUDE (valid_to, status, account_id);

-- A declaration (学时申报) as reporting counts it: the instant of each step. Its hours count as of
-- an instant when approved_at <= instant < voided_at (NULL voided_at: still counting).
CREATE TABLE hour_record (
  declaration_id   uuid PRIMARY KEY,
  account_id       uuid NOT NULL,
  unit_id          uuid NOT NULL,
  unit_path        text NOT NULL,
  year             integer NOT NULL,
  subject          text NOT NULL CONSTRAINT hour_record_subject_check CHECK (subject IN ('GENERAL', 'PROFESSIONAL')),
  form_code        text NOT NULL,
  recognized_hours integer,
  status           text NOT NULL CONSTRAINT hour_record_status_check CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'FILED', 'VOIDED')),
  status_at        timestamptz(3) NOT NULL,
  submitted_at     timestamptz(3),
  approved_at      timestamptz(3),
  rejected_at      timestamptz(3),
  withdrawn_at     timestamptz(3),
  filed_at         timestamptz(3),
  voided_at        timestamptz(3)
);
-- A person's year (学习记录, compliance): one index range, the sums read from the index.
CREATE INDEX hour_record_person_year_idx ON hour_record (account_id, year) INCLUDE (subject, recognized_hours, approved_at, voided_at);
-- Hours approved per month and per unit path (charts, later statistics).
CREATE INDEX hour_record_approved_idx ON hour_record (year, approved_at) WHERE approved_at IS NOT NULL;
CREATE INDEX hour_record_unit_path_idx ON hour_record (unit_path text_pattern_ops, year);

-- Down Migration
DROP TABLE hour_record;
DROP TABLE person_history;
DROP TABLE unit_history;
