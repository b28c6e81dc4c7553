-- Up Migration
-- 专业技术人员数量查询 at 1,000,000 people (ADR 013 addendum "Scale"): per unit and per Beijing day
-- on which a figure changed, the figures as of the end of that day — 注册总数 for every later day,
-- 学习总数 and 合格总数 for the rest of that day's year. A 统计时间 reads each unit's latest row on
-- or before it (one index probe per unit, index-only). Kept by the read-model handlers from the
-- people's history and hour records (domain/unit-figures.ts); rows equal to the one before are
-- not kept, so the table is a function of the events, as the rebuild checks.
-- Existing databases: the table starts empty; `npm run rebuild -w @ce/reporting -- --switch` fills it.
CREATE TABLE unit_figures (
  unit_id    uuid NOT NULL,
  day        date NOT NULL,
  registered integer NOT NULL,
  studying   integer NOT NULL,
  compliant  integer NOT NULL,
  CONSTRAINT unit_figures_pkey PRIMARY KEY (unit_id, day) INCLUDE (registered, studying, compliant)
);

-- Down Migration
DROP TABLE unit_figures;
