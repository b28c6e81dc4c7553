-- Up Migration
-- 固定电话 of an admin registered through 新增管理员 › 注册成为管理员.
ALTER TABLE account ADD COLUMN landline text;

-- 修改单位信息 (CODE) and 更换上级部门 (SUPERIOR): a unit's request, decided by superiors' admins.
CREATE TABLE unit_change_request (
  id              uuid PRIMARY KEY,
  unit_id         uuid NOT NULL REFERENCES unit (id),
  kind            text NOT NULL CHECK (kind IN ('CODE', 'SUPERIOR')),
  old_code        text,
  new_code        text,
  old_superior_id uuid REFERENCES unit (id),
  new_superior_id uuid REFERENCES unit (id),
  status          text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
  requested_by    uuid NOT NULL REFERENCES account (id),
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  decided_at      timestamptz(3)
);
-- One open request per unit: the next waits until this one is decided or withdrawn.
CREATE UNIQUE INDEX unit_change_request_one_pending ON unit_change_request (unit_id) WHERE status = 'PENDING';

-- One approval per deciding unit: the superior (CODE), or the old and the new superior (SUPERIOR).
CREATE TABLE unit_change_approval (
  id               uuid PRIMARY KEY,
  request_id       uuid NOT NULL REFERENCES unit_change_request (id),
  approver_unit_id uuid NOT NULL REFERENCES unit (id),
  status           text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
  reason           text,
  decided_by       uuid REFERENCES account (id),
  decided_at       timestamptz(3),
  UNIQUE (request_id, approver_unit_id)
);
CREATE INDEX unit_change_approval_unit_idx ON unit_change_approval (approver_unit_id, status);

-- Down Migration
DROP TABLE unit_change_approval;
DROP TABLE unit_change_request;
ALTER TABLE account DROP COLUMN landline;
