-- Up Migration
-- Every status, kind, subject and rule column holds only the codes the contracts enums allow
-- (packages/contracts: UnitKind, UnitStatus, ProfessionalStatus, DeclarationStatus, Subject,
-- DecisionRow.kind/decision, RejectReasonCode, HourRule.kind), so a stray string is refused at the
-- write instead of surfacing later as a value no screen can label. Keep these lists in step with
-- the enums: test/code-constraints.test.ts compares them.
ALTER TABLE unit_replica
  ADD CONSTRAINT unit_replica_kind_check CHECK (kind IN ('AUTHORITY', 'EMPLOYER', 'TRAINING_BASE')),
  ADD CONSTRAINT unit_replica_status_check CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'DISABLED'));
ALTER TABLE professional_replica
  ADD CONSTRAINT professional_replica_status_check CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED'));
ALTER TABLE learning_form_version
  ADD CONSTRAINT learning_form_version_subjects_check CHECK (cardinality(subjects) > 0 AND subjects <@ ARRAY['GENERAL', 'PROFESSIONAL']::text[]),
  ADD CONSTRAINT learning_form_version_rule_kind_check CHECK (rule->>'kind' IN ('ACTUAL', 'PER_DAY', 'PER_ITEM', 'RANK', 'RATIO'));
ALTER TABLE declaration
  ADD CONSTRAINT declaration_status_check CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'FILED', 'VOIDED')),
  ADD CONSTRAINT declaration_subject_check CHECK (subject IN ('GENERAL', 'PROFESSIONAL')),
  ADD CONSTRAINT declaration_chain_check CHECK (jsonb_typeof(chain) = 'array');
ALTER TABLE declaration_decision
  ADD CONSTRAINT declaration_decision_kind_check CHECK (kind IN ('APPROVAL', 'AUDIT')),
  ADD CONSTRAINT declaration_decision_decision_check CHECK (decision IN ('APPROVED', 'REJECTED', 'AUDIT_PASSED', 'AUDIT_FAILED')),
  ADD CONSTRAINT declaration_decision_reason_code_check CHECK (reason_code IS NULL OR reason_code IN ('MISSING_PROOF', 'HOURS_INVALID', 'FORM_MISMATCH', 'DUPLICATE', 'OTHER'));

-- Down Migration
ALTER TABLE declaration_decision
  DROP CONSTRAINT declaration_decision_reason_code_check,
  DROP CONSTRAINT declaration_decision_decision_check,
  DROP CONSTRAINT declaration_decision_kind_check;
ALTER TABLE declaration
  DROP CONSTRAINT declaration_chain_check,
  DROP CONSTRAINT declaration_subject_check,
  DROP CONSTRAINT declaration_status_check;
ALTER TABLE learning_form_version
  DROP CONSTRAINT learning_form_version_rule_kind_check,
  DROP CONSTRAINT learning_form_version_subjects_check;
ALTER TABLE professional_replica DROP CONSTRAINT professional_replica_status_check;
ALTER TABLE unit_replica
  DROP CONSTRAINT unit_replica_status_check,
  DROP CONSTRAINT unit_replica_kind_check;
