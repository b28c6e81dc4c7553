-- Up Migration
-- 职称系列分布情况 at 1,000,000 people (ADR 013 addendum "Scale"; domain/title-figures.ts): the
-- people registered between 开始时间 and 结束时间 and 审核通过 at its end, by unit and the title they
-- held then, kept as changes instead of read from every person's history.
-- title_figures: +n / −n people per unit, title series, title level ('' for none), Beijing day of
-- registration and Beijing day from whose end on the change holds. A range F..T sums the changes
-- with registration day in [F, T] and day <= T.
-- title_figures_now: every change summed per unit, series and level (the figures after every event
-- held); without 开始时间, the figures as of T are these minus the changes after T.
-- Kept by the identity handlers from each person's history and registration before and after the
-- event; rows that sum to 0 are removed, so both are functions of the events, as the rebuild compares.
-- Existing databases: the tables start empty; `npm run rebuild -w @ce/reporting -- --switch` fills them.
CREATE TABLE title_figures (
  unit_id        uuid NOT NULL,
  day            date NOT NULL,
  registered_day date NOT NULL,
  title_series   text NOT NULL,
  title_level    text NOT NULL,
  people         integer NOT NULL,
  CONSTRAINT title_figures_pkey PRIMARY KEY (unit_id, day, registered_day, title_series, title_level) INCLUDE (people)
);
-- A range with 开始时间: the changes of people registered in it, per unit.
CREATE INDEX title_figures_registered_idx ON title_figures (unit_id, registered_day, day) INCLUDE (title_series, title_level, people);
-- Without 开始时间: the changes after 结束时间, over every unit at once (none at all for today).
CREATE INDEX title_figures_day_idx ON title_figures (day) INCLUDE (unit_id, title_series, title_level, people);

CREATE TABLE title_figures_now (
  unit_id      uuid NOT NULL,
  title_series text NOT NULL,
  title_level  text NOT NULL,
  people       integer NOT NULL,
  CONSTRAINT title_figures_now_pkey PRIMARY KEY (unit_id, title_series, title_level) INCLUDE (people)
);

-- Down Migration
DROP TABLE title_figures_now;
DROP TABLE title_figures;
