-- Up Migration
-- 审批时效 per 审核人 (issue 11 item 6b, trial finding): the admin whose 审核通过 / 驳回 ended the
-- chain, as hours' approved / rejected events name them since decidedByAccountId / decidedByName
-- exist (optional fields; older events have neither and stay null: shown as （未记录）). Merged like
-- decided_by_unit_id (first non-null). Existing databases: `npm run rebuild -w @ce/reporting -- --switch`
-- fills them from the events that carry them.
ALTER TABLE declaration_outcome
  ADD COLUMN decided_by_account_id uuid,
  ADD COLUMN decided_by_name text;

-- Down Migration
ALTER TABLE declaration_outcome DROP COLUMN decided_by_name, DROP COLUMN decided_by_account_id;
