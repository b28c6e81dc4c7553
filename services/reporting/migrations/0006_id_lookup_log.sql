-- Up Migration
-- Every search by a full 证件号 (专业技术人员信息查询, 学习记录验证): who asked, from where, why, and
-- whom it found (issue 8 fault 2: a masked ID number plus unlimited exact searches is an oracle).
-- The rows are also the budget: reporting's Redis user may only read sessions (ADR 009), so the
-- day's lookups per caller and per address are counted here (security/id-lookup.ts).
CREATE TABLE id_lookup_log (
  id          bigserial PRIMARY KEY,
  occurred_at timestamptz(3) NOT NULL DEFAULT now(),
  viewer_id   uuid NOT NULL,
  client_ip   text,
  purpose     text NOT NULL,
  request_id  text,
  found       uuid[] NOT NULL DEFAULT '{}'
);
CREATE INDEX id_lookup_log_viewer_idx ON id_lookup_log (viewer_id, occurred_at DESC);
CREATE INDEX id_lookup_log_client_ip_idx ON id_lookup_log (client_ip, occurred_at DESC);

-- Down Migration
DROP TABLE id_lookup_log;
