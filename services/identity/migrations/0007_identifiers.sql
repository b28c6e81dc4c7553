-- Up Migration
-- Identifiers people type (issue 7).
-- Some credit codes issued before 2016 carry a wrong check character yet are real; such a code is
-- accepted only when the applicant confirms it against the business licence, and reviewers see it
-- flagged (审核用人单位, 审核机构信息修改) as "校验位不符，已由申请人确认".
ALTER TABLE unit ADD COLUMN credit_code_check_mismatch boolean NOT NULL DEFAULT false;
ALTER TABLE unit_change_request ADD COLUMN new_code_check_mismatch boolean NOT NULL DEFAULT false;
-- 证件类型 外国人永久居留身份证 (the 18-character 2023 card).
ALTER TABLE account DROP CONSTRAINT account_id_type_check;
ALTER TABLE account ADD CONSTRAINT account_id_type_check
  CHECK (id_type IN ('RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'OFFICER_ID', 'FOREIGN_PERMANENT_RESIDENT'));

-- Down Migration
ALTER TABLE account DROP CONSTRAINT account_id_type_check;
ALTER TABLE account ADD CONSTRAINT account_id_type_check
  CHECK (id_type IN ('RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'OFFICER_ID'));
ALTER TABLE unit_change_request DROP COLUMN new_code_check_mismatch;
ALTER TABLE unit DROP COLUMN credit_code_check_mismatch;
