-- Up Migration
-- 证件号查询上限（次/日） per API token (issue 11 fault 7): a token holding 学时达标情况（按证件号）
-- answers a title-review system, which looks up far more people a day than a portal admin; its own
-- daily budget of lookups by 证件号 is set when it is made (default 200, at most 5,000), counted
-- in id_lookup_log by the token's id like an admin's (security/id-lookup.ts).
ALTER TABLE api_token
  ADD COLUMN id_lookups_per_day integer NOT NULL DEFAULT 200 CHECK (id_lookups_per_day BETWEEN 1 AND 5000);

-- Down Migration
ALTER TABLE api_token DROP COLUMN id_lookups_per_day;
