import { beijingDay, endOf } from "./unit-figures.ts";

/**
 * The rollup of 职称系列分布情况 (reporting.title_figures and title_figures_now, migration 0008,
 * ADR 013 addendum "Scale"). The statistic counts, for a range 开始时间 F .. 结束时间 T (Beijing
 * days), the people registered (registered_at) between the start of F and the end of T who were
 * 审核通过 at the end of T, in the unit they were in then, by the title series and level they held
 * then. Per person that is c(D) = 1 for the (unit, series, level) of their APPROVED state at the
 * end of day D when their registration day is on or before D — 0 otherwise — counted when F is
 * on or before the registration day.
 *
 * title_figures holds the changes of c: +1 / −1 per (unit, series, level, registration day, day
 * of the change). So the distribution for F..T is the sum of the changes with a registration day
 * in [F, T] and a day on or before T (no F: every registration day); title_figures_now holds
 * every change summed per (unit, series, level) — c after everything held — so the distribution
 * as of T without F is also `now − the changes after T`, few for a recent T.
 *
 * A person's changes are a pure function of their history and registration instant
 * (`titleContribution`); the handlers add the difference of before and after an event
 * (`titleDelta`), so both tables are a function of the events held, in whatever order.
 */

/** A person's state over time as the title rollup reads it (person_history). */
export interface TitleSpan {
  unitId: string;
  status: string;
  titleSeries: string | null;
  titleLevel: string | null;
  validFrom: Date;
  validTo: Date | null;
}

/** One change of the rollup: `people` (+n / −n) from the end of `day` on, for people registered on `registeredDay`. */
export interface TitleChange {
  unitId: string;
  titleSeries: string | null;
  titleLevel: string | null;
  registeredDay: string;
  day: string;
  people: number;
}

const keyOf = (c: Omit<TitleChange, "people">) => `${c.unitId}|${c.titleSeries ?? ""}|${c.titleLevel ?? ""}|${c.registeredDay}|${c.day}`;

function add(into: Map<string, TitleChange>, c: Omit<TitleChange, "people">, people: number) {
  const k = keyOf(c);
  const held = into.get(k);
  if (held) held.people += people;
  else into.set(k, { ...c, people });
}

/**
 * What one person adds to the rollup: for each Beijing day on which their c may change (a span
 * boundary, their registration day), −1 for the key held before and +1 for the key held at the
 * end of that day, when the two differ. `registeredAt` null (reporting holds no registration for
 * them): nothing. Pure.
 */
export function titleContribution(spans: readonly TitleSpan[], registeredAt: Date | null): Map<string, TitleChange> {
  const out = new Map<string, TitleChange>();
  if (registeredAt === null) return out;
  const registeredDay = beijingDay(registeredAt);
  const days = [...new Set([registeredDay, ...spans.flatMap((s) => (s.validTo === null ? [s.validFrom] : [s.validFrom, s.validTo])).map(beijingDay)])].sort();
  let held: Omit<TitleChange, "people" | "day"> | null = null;
  for (const day of days) {
    let now: Omit<TitleChange, "people" | "day"> | null = null;
    if (day >= registeredDay) {
      const end = endOf(day);
      const s = spans.find((x) => x.validFrom <= end && (x.validTo === null || end < x.validTo));
      if (s && s.status === "APPROVED") now = { unitId: s.unitId, titleSeries: s.titleSeries, titleLevel: s.titleLevel, registeredDay };
    }
    const same = held !== null && now !== null && held.unitId === now.unitId && held.titleSeries === now.titleSeries && held.titleLevel === now.titleLevel;
    if (same || (held === null && now === null)) continue;
    if (held !== null) add(out, { ...held, day }, -1);
    if (now !== null) add(out, { ...now, day }, 1);
    held = now;
  }
  return out;
}

/**
 * The changes turning `before` into `after` (two titleContribution results), without those that
 * cancel out, ordered by key (so concurrent writers take row locks in one order). Empty when an
 * event changed nothing the rollup counts.
 */
export function titleDelta(before: ReadonlyMap<string, TitleChange>, after: ReadonlyMap<string, TitleChange>): TitleChange[] {
  const out = new Map<string, TitleChange>();
  for (const c of after.values()) add(out, c, c.people);
  for (const c of before.values()) add(out, c, -c.people);
  return [...out.entries()]
    .filter(([, c]) => c.people !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c);
}
