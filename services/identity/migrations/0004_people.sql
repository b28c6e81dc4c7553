-- Up Migration
-- Replicas take a professional's snapshot only when it is newer (ProfessionalSnapshot.version).
ALTER TABLE professional ADD COLUMN version integer NOT NULL DEFAULT 1;
-- 审核注册人员: when and why a registration was decided.
ALTER TABLE professional ADD COLUMN reviewed_at timestamptz(3);
ALTER TABLE professional ADD COLUMN review_reason text;

-- 人员信息修改: a professional's requested changes, field → { old, new }, reviewed as a whole.
CREATE TABLE profile_change_request (
  id            uuid PRIMARY KEY,
  account_id    uuid NOT NULL REFERENCES account (id),
  unit_id       uuid NOT NULL REFERENCES unit (id),
  changes       jsonb NOT NULL,
  status        text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
  review_reason text,
  reviewed_by   uuid REFERENCES account (id),
  reviewed_at   timestamptz(3),
  created_at    timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX profile_change_request_unit_idx ON profile_change_request (unit_id, status, created_at);
-- One open request per person: a second one waits until the first is decided.
CREATE UNIQUE INDEX profile_change_request_one_pending ON profile_change_request (account_id) WHERE status = 'PENDING';

-- 人员调转: out of one employer, into another once the target unit confirms.
CREATE TABLE transfer (
  id              uuid PRIMARY KEY,
  account_id      uuid NOT NULL REFERENCES account (id),
  from_unit_id    uuid NOT NULL REFERENCES unit (id),
  to_unit_id      uuid NOT NULL REFERENCES unit (id),
  contact_phone   text NOT NULL,
  reason          text NOT NULL,
  -- Only the uploaded file's name is kept; attachment storage belongs to the object store.
  attachment_name text,
  status          text NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
  review_reason   text,
  requested_by    uuid NOT NULL REFERENCES account (id),
  reviewed_by     uuid REFERENCES account (id),
  reviewed_at     timestamptz(3),
  created_at      timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX transfer_from_unit_idx ON transfer (from_unit_id, created_at);
CREATE INDEX transfer_to_unit_idx ON transfer (to_unit_id, status, created_at);
CREATE UNIQUE INDEX transfer_one_pending ON transfer (account_id) WHERE status = 'PENDING';

-- Down Migration
DROP TABLE transfer;
DROP TABLE profile_change_request;
ALTER TABLE professional DROP COLUMN review_reason;
ALTER TABLE professional DROP COLUMN reviewed_at;
ALTER TABLE professional DROP COLUMN version;
