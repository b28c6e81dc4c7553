-- Up Migration
-- 审核通过学时 per month at 10,000,000 records (ADR 013 addendum "Scale"): 认定学时 approved per
-- declaring unit and Beijing day, split by the day the hours were voided ('infinity': never), so a
-- range as of its end day D sums the approval days in the range whose voiding day is after D.
-- Kept by the hours handlers from each record's before/after (domain/approved-hours.ts).
-- Existing databases: the table starts empty; `npm run rebuild -w @ce/reporting -- --switch` fills it.
CREATE TABLE unit_approved_hours (
  unit_id      uuid NOT NULL,
  approved_day date NOT NULL,
  voided_day   date NOT NULL,
  hours        integer NOT NULL,
  records      integer NOT NULL,
  CONSTRAINT unit_approved_hours_pkey PRIMARY KEY (unit_id, approved_day, voided_day) INCLUDE (hours, records)
);

-- Down Migration
DROP TABLE unit_approved_hours;
