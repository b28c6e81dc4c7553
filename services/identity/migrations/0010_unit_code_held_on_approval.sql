-- Up Migration
-- A unit's 机构代码/统一社会信用代码 is unique among the units that hold it — APPROVED (and DISABLED,
-- which keep their history) — not among claims: a pending 用人单位注册 blocked every later
-- registration of the same code (409 while the first was pending — a squat and an oracle). The
-- check moves to approval (use-cases/units/write.ts updateUnit; this index backs it against a race).
DROP INDEX unit_code_key;
CREATE UNIQUE INDEX unit_code_key ON unit (code) WHERE status IN ('APPROVED', 'DISABLED');
CREATE INDEX unit_code_idx ON unit (code);

-- Down Migration
DROP INDEX unit_code_idx;
DROP INDEX unit_code_key;
CREATE UNIQUE INDEX unit_code_key ON unit (code);
