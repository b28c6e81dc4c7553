-- Up Migration
-- 内设部门: each unit's internal department tree (materialised path within the unit).
CREATE TABLE department (
  id         uuid PRIMARY KEY,
  unit_id    uuid NOT NULL REFERENCES unit (id),
  parent_id  uuid REFERENCES department (id),
  name       text NOT NULL,
  path       text NOT NULL UNIQUE,
  sort_order integer NOT NULL DEFAULT 0,
  status     text NOT NULL DEFAULT 'ACTIVE',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX department_unit_idx ON department (unit_id, path text_pattern_ops);
-- Sibling names are unique within one parent (a root department's parent is the unit).
CREATE UNIQUE INDEX department_sibling_name_key ON department (unit_id, COALESCE(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name);

ALTER TABLE professional ADD COLUMN department_id uuid REFERENCES department (id);
ALTER TABLE admin ADD COLUMN department_id uuid REFERENCES department (id);

-- Audit trail: who did what, when, in which unit, with the values before and after.
CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  occurred_at   timestamptz(3) NOT NULL DEFAULT now(),
  actor_id      uuid,
  actor_name    text,
  actor_unit_id uuid,
  unit_id       uuid,
  action        text NOT NULL,
  entity_type   text NOT NULL,
  entity_id     text NOT NULL,
  before        jsonb,
  after         jsonb,
  request_id    text
);
CREATE INDEX audit_log_unit_time_idx ON audit_log (unit_id, occurred_at DESC);
CREATE INDEX audit_log_actor_time_idx ON audit_log (actor_id, occurred_at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);

-- Every unmasked view of an ID or phone number (a separate permission) is recorded here.
CREATE TABLE pii_access_log (
  id          bigserial PRIMARY KEY,
  occurred_at timestamptz(3) NOT NULL DEFAULT now(),
  viewer_id   uuid NOT NULL,
  subject_id  uuid NOT NULL,
  fields      text[] NOT NULL,
  purpose     text,
  request_id  text
);
CREATE INDEX pii_access_log_subject_idx ON pii_access_log (subject_id, occurred_at DESC);
CREATE INDEX pii_access_log_viewer_idx ON pii_access_log (viewer_id, occurred_at DESC);

-- Down Migration
DROP TABLE pii_access_log;
DROP TABLE audit_log;
ALTER TABLE admin DROP COLUMN department_id;
ALTER TABLE professional DROP COLUMN department_id;
DROP TABLE department;
