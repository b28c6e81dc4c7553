-- Up Migration
-- A lookup by full ID number that found nobody is logged too (who asked, when, why): the
-- subject is then unknown. See docs/decisions/011.
ALTER TABLE pii_access_log ALTER COLUMN subject_id DROP NOT NULL;

-- Down Migration
DELETE FROM pii_access_log WHERE subject_id IS NULL;
ALTER TABLE pii_access_log ALTER COLUMN subject_id SET NOT NULL;
