-- Up Migration
-- What the admin dashboards (issue 11 item 6) need of a declaration beyond hour_record's instants:
-- the unit it waited for first (submitted's currentHandlerId), the admin's unit that declared it
-- (declaredByUnitId: a CE base for its class), the unit whose 审核通过 / 驳回 ended
-- the chain (decidedByUnitId, on events since it exists), 驳回原因's code and text, and when its
-- 成果备案 failed (hour_record folds a failed audit into voided_at). Each column comes from one kind
-- of event and merges order-free (first non-null, earliest instant), so the rebuild compares it.
-- Existing databases: the table starts empty; `npm run rebuild -w @ce/reporting -- --switch` fills it.
CREATE TABLE declaration_outcome (
  declaration_id     uuid PRIMARY KEY,
  first_handler_id   uuid,
  declared_by_unit_id uuid,
  decided_by_unit_id uuid,
  reject_reason_code text,
  reject_reason      text,
  audit_failed_at    timestamptz(3)
);
-- 继续教育基地质量 reads a base's declarations.
CREATE INDEX declaration_outcome_declared_by_idx ON declaration_outcome (declared_by_unit_id) WHERE declared_by_unit_id IS NOT NULL;

-- Down Migration
DROP TABLE declaration_outcome;
