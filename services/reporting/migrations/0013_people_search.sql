-- Up Migration
-- 专业技术人员信息查询 and the people behind a figure at 1,000,000 people.
-- 姓名 contains one or two characters over a province (issue 10: a name search fast at 1,000,000
-- names; ADR 013 addendum "Name grams"): the GIN index of 0004 finds the tens of thousands of names
-- holding 高, but counting them and taking the first 20 by name must read every one from the heap.
-- This side table holds, for each 审核通过 professional, one row per character and pair of adjacent
-- characters of the name (name_grams), in name order: a one- or two-character text is one gram, so
-- its 共N条 is an index-only count of one gram's range (joined with the units in scope) and its first
-- page the first rows of that range in name order whose unit is in scope. Kept from the replica by the
-- identity handlers (db/people.ts replaceNameGrams) — a function of the replica, which the rebuild
-- compares. Longer texts still use the GIN index (few candidates).
CREATE TABLE professional_name_grams (
  gram       text NOT NULL,
  name       text NOT NULL,
  account_id uuid NOT NULL,
  unit_id    uuid NOT NULL,
  CONSTRAINT professional_name_grams_pkey PRIMARY KEY (gram, name, account_id) INCLUDE (unit_id)
);
INSERT INTO professional_name_grams (gram, name, account_id, unit_id)
SELECT g.gram, r.name, r.account_id, r.unit_id
FROM professional_replica r CROSS JOIN LATERAL unnest(name_grams(r.name)) AS g(gram)
WHERE r.status = 'APPROVED';

-- The people behind a figure of 专业技术人员数量查询 today (countPeople): a unit's 审核通过 people in
-- name order, walked until a page is full; and whether any person's history changed after a day
-- (then the people of that day are read from the history instead).
CREATE INDEX professional_replica_unit_name_idx ON professional_replica (unit_id, name, account_id) WHERE status = 'APPROVED';
CREATE INDEX person_history_valid_from_idx ON person_history (valid_from);

-- Down Migration
DROP INDEX person_history_valid_from_idx;
DROP INDEX professional_replica_unit_name_idx;
DROP TABLE professional_name_grams;
