-- Up Migration
-- Yearly requirement per year and region (NULL = any); the most specific row applies.
CREATE TABLE compliance_rule (
  id                     uuid PRIMARY KEY,
  year                   integer,
  region                 text,
  min_total              integer NOT NULL,
  professional_share_num integer NOT NULL,
  professional_share_den integer NOT NULL,
  UNIQUE NULLS NOT DISTINCT (year, region)
);
INSERT INTO compliance_rule (id, year, region, min_total, professional_share_num, professional_share_den)
VALUES ('6f1c0002-0000-4000-8000-000000000001', NULL, NULL, 90, 2, 3);

-- A person's region (for the rule) is their unit's.
ALTER TABLE unit_replica ADD COLUMN region text;

-- Down Migration
ALTER TABLE unit_replica DROP COLUMN region;
DROP TABLE compliance_rule;
