-- Up Migration
-- The widest scope at 1,000,000 people (issue 10 "Scale and speed", ADR 013 addendum "Subtree
-- rollups"): the per-unit rollups of 0005 / 0007 / 0008 summed once more per node of the unit tree,
-- so a province's 专业技术人员数量查询 total, 职称系列分布情况 and 审核通过学时 per month read one
-- node's rows instead of every unit's. A node's rows hold the units strictly below it (its proper
-- descendants, by each unit's current unit_replica.path); the node's own rows stay in the per-unit
-- tables. Every row is a change, added to and never rewritten (rows that sum to 0 are removed), so
-- the tables are sums of the per-unit tables under today's paths whatever order the events came in:
-- the handlers add each per-unit change to the unit's proper ancestors, and when a unit's path
-- changes (created, moved) its per-unit rows are taken from its old ancestors and given to its new
-- ones (db/subtree-rollups.ts). A statistic as of a day after which the tree did not change reads
-- them; otherwise it sums the units of the tree as it stood then, as before.
-- Existing databases: the tables start empty; `npm run rebuild -w @ce/reporting -- --switch` fills them.

-- The proper ancestors of a unit, root first, from its path ('/p/c/u/' → {p, c}).
CREATE FUNCTION proper_ancestors(path text) RETURNS uuid[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce((string_to_array(btrim(path, '/'), '/'))[1:array_length(string_to_array(btrim(path, '/'), '/'), 1) - 1]::uuid[], '{}')
$$;

-- unit_figures as changes per node and Beijing day: 注册 from that day on, 学习 / 合格 of that day's
-- year from that day to the year's end (the per-unit rows' differences, year reset counted).
CREATE TABLE subtree_figures (
  node_id    uuid NOT NULL,
  day        date NOT NULL,
  registered integer NOT NULL,
  studying   integer NOT NULL,
  compliant  integer NOT NULL,
  CONSTRAINT subtree_figures_pkey PRIMARY KEY (node_id, day) INCLUDE (registered, studying, compliant)
);

-- unit_approved_hours per node.
CREATE TABLE subtree_approved_hours (
  node_id      uuid NOT NULL,
  approved_day date NOT NULL,
  voided_day   date NOT NULL,
  hours        integer NOT NULL,
  records      integer NOT NULL,
  CONSTRAINT subtree_approved_hours_pkey PRIMARY KEY (node_id, approved_day, voided_day) INCLUDE (hours, records)
);

-- title_figures per node: every change summed per title (title_figures_now's sum) ...
CREATE TABLE subtree_title_now (
  node_id      uuid NOT NULL,
  title_series text NOT NULL,
  title_level  text NOT NULL,
  people       integer NOT NULL,
  CONSTRAINT subtree_title_now_pkey PRIMARY KEY (node_id, title_series, title_level) INCLUDE (people)
);
-- ... and per registration day: a range 开始时间..结束时间 sums the registration days in it.
CREATE TABLE subtree_title_registered (
  node_id        uuid NOT NULL,
  registered_day date NOT NULL,
  title_series   text NOT NULL,
  title_level    text NOT NULL,
  people         integer NOT NULL,
  CONSTRAINT subtree_title_registered_pkey PRIMARY KEY (node_id, registered_day, title_series, title_level) INCLUDE (people)
);

-- Whether the tree changed after a day: the unit versions that began after it.
CREATE INDEX unit_history_valid_from_idx ON unit_history (valid_from) INCLUDE (superior_id);

-- Down Migration
DROP INDEX unit_history_valid_from_idx;
DROP TABLE subtree_title_registered;
DROP TABLE subtree_title_now;
DROP TABLE subtree_approved_hours;
DROP TABLE subtree_figures;
DROP FUNCTION proper_ancestors(text);
